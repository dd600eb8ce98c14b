/** XML character and entity references, decoded in one pass so `&amp;#10;` stays the text `&#10;`. */

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const REFERENCE = /&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/g;

/**
 * Decodes predefined, numeric and (when given) DOCTYPE-declared entities. Unknown names are left
 * as written: the input was already checked for well-formedness, so they can only be external
 * entities we cannot resolve.
 */
export function decodeXmlText(value: string, declared?: Readonly<Record<string, string>>): string {
  if (!value.includes('&')) return value;
  return value.replace(REFERENCE, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
    return PREDEFINED[ref] ?? declared?.[ref] ?? whole;
  });
}

/** Escapes text for an attribute value in double quotes; line breaks and tabs survive a round trip. */
export function escapeXmlAttribute(value: string): string {
  return value.replace(/[&<>"\n\r\t]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      case '\n':
        return '&#10;';
      case '\r':
        return '&#13;';
      default:
        return '&#9;';
    }
  });
}
