import type { Core } from 'cytoscape';

declare global {
  interface Window {
    /** Set by the app while automation drives the page (src/ui/graph/testHooks.ts). */
    __cy?: Core;
  }
}
