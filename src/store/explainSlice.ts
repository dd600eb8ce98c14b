import type { ExplainSlice, SliceCreator } from './types';

/** What the Explain and Compare tabs ask the graph to draw out; the graph only reads it. */
export const createExplainSlice: SliceCreator<ExplainSlice> = (set) => ({
  highlight: undefined,
  compareOverlay: undefined,
  setHighlight: (highlight) => set({ highlight }),
  setCompareOverlay: (compareOverlay) => set({ compareOverlay }),
});
