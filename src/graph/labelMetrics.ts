/**
 * Label sizes the layouts and the label placement agree on. cytoscape draws labels in the app's
 * sans-serif font; 0.62 em per character is a safe upper bound for module names (lower case,
 * digits, underscores), so a box this wide holds the label.
 */
export const LABEL_FONT = 10;
export const GROUP_LABEL_FONT = 13;
const CHAR_EM = 0.62;
/** Height of one label line plus the gap between the node and its label. */
export const LABEL_LINE = 16;

export function labelWidth(text: string, font: number = LABEL_FONT): number {
  return Math.ceil(text.length * CHAR_EM * font) + 4;
}

export function labelHeight(font: number = LABEL_FONT): number {
  return Math.ceil(font * 1.3);
}
