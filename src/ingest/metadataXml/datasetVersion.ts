/** What a dataset is called when its files do not say (or say something that is not a version). */
export const CUSTOM_VERSION = 'custom';

/**
 * Asterisk release names as they appear in tags and branches: `22.10.1`, `master`, `18.9-cert5`,
 * `certified/20.7-cert1`, `23.0.0-rc1`. Letters, digits and `. _ + ~ / -`, starting with a letter or
 * digit, at most 64 characters: anything else (markup, prose, control characters) is not a version.
 */
const VERSION = /^[A-Za-z0-9][A-Za-z0-9._+~/-]{0,63}$/;

/** The version to use for a `version` attribute, and the rejected value (quoted, shortened) if any. */
export function datasetVersionOf(value: string | undefined): { version: string; rejected?: string } {
  if (value === undefined) return { version: CUSTOM_VERSION };
  const trimmed = value.trim();
  if (VERSION.test(trimmed)) return { version: trimmed };
  const shown = trimmed.length > 40 ? `${trimmed.slice(0, 37)}...` : trimmed;
  return { version: CUSTOM_VERSION, rejected: JSON.stringify(shown) };
}
