import type { Problem } from '../../model';
import { readXml } from './readXml';

/**
 * Whether `text` is well-formed XML within XML_LIMITS, by the same reader the parsers extract with
 * (readXml), building nothing. Returns the problem to show, or undefined when the text is fine.
 */
export function checkWellFormed(text: string, file: string): Problem | undefined {
  return readXml(text, file).problem;
}
