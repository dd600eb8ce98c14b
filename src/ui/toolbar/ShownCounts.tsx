import { useGraphScene } from '../graph/useGraphScene';
import type { ShownCounts as Counts } from '../../graph/scene';

function n(value: number): string {
  return value.toLocaleString('en-US');
}

/** "Showing 37 of 484 modules · 52 edges": what the picture holds, always in view. */
export function shownCountsText(counts: Counts, grouped: boolean): string {
  if (counts.items !== undefined) {
    return `Showing ${n(counts.items)} items from ${n(counts.modulesShown)} modules · ${n(counts.edgesShown)} links`;
  }
  const groups =
    grouped && counts.groups > 0 ? ` in ${n(counts.groups)} ${counts.groups === 1 ? 'group' : 'groups'}` : '';
  return `Showing ${n(counts.modulesShown)} of ${n(counts.modulesTotal)} modules${groups} · ${n(counts.edgesShown)} edges`;
}

export function ShownCounts() {
  const state = useGraphScene();
  return (
    <p className="shown-counts" role="status" aria-label="Shown counts">
      {state ? shownCountsText(state.scene.counts, state.scene.grouped) : ''}
    </p>
  );
}
