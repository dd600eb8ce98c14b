import { forcePositions } from './forceLayout';
import { layeredPositions } from './layeredLayout';
import type { ElkEngine } from './layeredLayout';
import type { LayoutAlgorithm, LayoutInput, Positions } from './layoutInput';
import { packIsolated } from './packIsolated';

/**
 * Positions for every node: the connected part by the chosen algorithm, isolated nodes packed in a
 * grid aside. Used by the layout worker for user files and by scripts/build-layouts.ts for the
 * built-in datasets, so both give the same picture.
 */
export async function computeLayout(
  input: LayoutInput,
  algorithm: LayoutAlgorithm,
  elk: ElkEngine,
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
        ? await layeredPositions(elk, connected)
        : forcePositions(connected);
  const grid = packIsolated(
    input.nodes.filter((n) => !connectedIds.has(n.id)),
    placed,
  );
  return { ...placed, ...grid };
}
