/** Escaping for the Module Metadata XML writer; reading is saxes's job (readXml). */

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
