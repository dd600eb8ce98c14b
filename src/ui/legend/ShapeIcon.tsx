import type { NodeShape } from '../../graph/palette';

const PATHS: Record<NodeShape, string> = {
  ellipse: 'M7 1a6 6 0 1 0 0.01 0Z',
  'round-rectangle': 'M3 1h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2Z',
  diamond: 'M7 0.5L13.5 7L7 13.5L0.5 7Z',
  hexagon: 'M3.5 1h7L13.5 7l-3 6h-7L0.5 7Z',
  octagon: 'M4.5 1h5L13 4.5v5L9.5 13h-5L1 9.5v-5Z',
  tag: 'M1 3h9l3 4l-3 4H1Z',
  barrel: 'M3 1h8q2 6 0 12H3q-2-6 0-12Z',
};

/** The cytoscape node shapes, drawn in SVG for the legend. */
export function ShapeIcon({
  shape,
  fill,
  stroke,
  dashed,
}: {
  shape: NodeShape;
  fill: string;
  stroke?: string;
  dashed?: boolean;
}) {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">
      <path
        d={PATHS[shape]}
        fill={fill}
        stroke={stroke ?? 'none'}
        strokeWidth={stroke ? 1.3 : 0}
        strokeDasharray={dashed ? '2 1.5' : undefined}
      />
    </svg>
  );
}
