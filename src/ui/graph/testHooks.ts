import type { Core } from 'cytoscape';

declare global {
  interface Window {
    /** The visible cytoscape instance, only while the page is driven by automation (Playwright). */
    __cy?: Core;
  }
}

/** e2e tests click nodes by their on-screen position; they need the instance to find it. */
export function exposeForTests(cy: Core): () => void {
  if (!navigator.webdriver) return () => {};
  window.__cy = cy;
  return () => {
    if (window.__cy === cy) delete window.__cy;
  };
}
