import { forcePositions } from './forceLayout';
import type { LayoutAlgorithm, LayoutInput, Positions } from './layoutInput';
import { packIsolated } from './packIsolated';

/**
 * A layered (Sugiyama) layout of a connected part, dependencies above their dependents: Graphviz
 * `dot` in the layout worker (graphvizLayout.ts), ELK for the precomputed built-in layouts
 * (layeredLayout.ts).
 */
export type LayeredLayout = (connected: LayoutInput) => Positions | Promise<Positions>;

/**
 * Positions for every node: the connected part by the chosen algorithm, isolated nodes packed in a
 * grid aside. Used by the layout worker for user files and by scripts/build-layouts.ts for the
 * built-in datasets, so both place isolated modules and force layouts the same way.
 */
export async function computeLayout(
  input: LayoutInput,
  algorithm: LayoutAlgorithm,
  layered: LayeredLayout,
): Promise<Positions> {
  const connectedIds = new Set(input.nodes.filter((n) => !n.isolated).map((n) => n.id));
  const connected: LayoutInput = {
    nodes: input.nodes.filter((n) => connectedIds.has(n.id)),
    edges: input.edges.filter((e) => connectedIds.has(e.source) && connectedIds.has(e.target)),
  };
  const placed =
    connected.nodes.length === 0
      ? {}
      : algorithm === 'layered'
        ? await layered(connected)
        : forcePositions(connected);
  const grid = packIsolated(
    input.nodes.filter((n) => !connectedIds.has(n.id)),
    placed,
  );
  return { ...placed, ...grid };
}
