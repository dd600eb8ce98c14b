/**
 * The one set of limits every XML input is held to (xmldoc, menuselect-tree, Module Metadata XML).
 * They sit far above anything Asterisk writes (the 22.10.1 xmldoc nests 12 deep, its widest
 * element has 6 attributes and it declares no internal entities) and far below what would hang
 * or exhaust a browser tab.
 */
export interface XmlLimits {
  /** Elements open at once. */
  maxDepth: number;
  /** Attributes on one element. */
  maxAttributes: number;
  /** Characters in one attribute value, and in the text of one element the parser keeps. */
  maxTextChars: number;
  /** Entities declared in the DOCTYPE's internal subset. */
  maxEntities: number;
  /** Characters one declared entity may expand to (nested references included). */
  maxEntityChars: number;
  /** Characters all references to declared entities may add to the document together. */
  maxEntityExpansion: number;
}

export const XML_LIMITS: Readonly<XmlLimits> = {
  maxDepth: 1000,
  maxAttributes: 256,
  maxTextChars: 1_000_000,
  maxEntities: 1000,
  maxEntityChars: 65_536,
  maxEntityExpansion: 4_000_000,
};

/** `1000` → `1,000`, as the messages say numbers. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
