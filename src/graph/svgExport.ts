import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import type { ModuleCategory } from '../model';
import { CATEGORY_COLOURS, CATEGORY_LABELS, EDGE_LOOKS, STATE_COLOURS } from './palette';
import type { DrawnEdgeKind } from './elements';

export interface SvgExportOptions {
  /** Only what the viewport shows (the picture on screen), else every drawn element. */
  visibleOnly: boolean;
  /** A line over the picture: dataset and view. */
  title: string;
}

const LEGEND_WIDTH = 230;
const MARGIN = 24;

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function num(n: number): string {
  return Number.isFinite(n) ? String(Math.round(n * 10) / 10) : '0';
}

/** The outline of a node shape, centred on (x, y), as an SVG element. */
function shapeSvg(shape: string, x: number, y: number, w: number, h: number, attrs: string): string {
  const hw = w / 2;
  const hh = h / 2;
  switch (shape) {
    case 'round-rectangle':
    case 'rectangle':
    case 'barrel':
    case 'tag':
      return `<rect x="${num(x - hw)}" y="${num(y - hh)}" width="${num(w)}" height="${num(h)}" rx="${num(Math.min(hw, hh) / 2)}" ${attrs}/>`;
    case 'diamond':
      return `<polygon points="${num(x)},${num(y - hh)} ${num(x + hw)},${num(y)} ${num(x)},${num(y + hh)} ${num(x - hw)},${num(y)}" ${attrs}/>`;
    case 'hexagon':
    case 'octagon': {
      const sides = shape === 'hexagon' ? 6 : 8;
      const points = Array.from({ length: sides }, (_, i) => {
        const a = (Math.PI * 2 * i) / sides + (shape === 'octagon' ? Math.PI / 8 : 0);
        return `${num(x + hw * Math.cos(a))},${num(y + hh * Math.sin(a))}`;
      });
      return `<polygon points="${points.join(' ')}" ${attrs}/>`;
    }
    default:
      return `<ellipse cx="${num(x)}" cy="${num(y)}" rx="${num(hw)}" ry="${num(hh)}" ${attrs}/>`;
  }
}

function nodeSvg(node: NodeSingular): string {
  const p = node.position();
  const w = node.width();
  const h = node.height();
  const fill = String(node.style('background-color'));
  const opacity = Number(node.style('background-opacity'));
  const borderWidth = parseFloat(String(node.style('border-width'))) || 0;
  const border =
    borderWidth > 0
      ? ` stroke="${String(node.style('border-color'))}" stroke-width="${num(borderWidth)}"`
      : '';
  const shape = shapeSvg(
    String(node.style('shape')),
    p.x,
    p.y,
    w,
    h,
    `fill="${fill}"${opacity < 1 ? ` fill-opacity="${num(opacity)}"` : ''}${border}`,
  );
  const label = String(node.style('label') ?? '');
  if (!label) return `<g data-id="${escapeXml(node.id())}">${shape}</g>`;
  const size = parseFloat(String(node.style('font-size'))) || 11;
  const text = `<text x="${num(p.x)}" y="${num(p.y + h / 2 + size + 2)}" font-size="${num(size)}" text-anchor="middle" fill="${STATE_COLOURS.label}" stroke="${STATE_COLOURS.background}" stroke-width="2" paint-order="stroke">${escapeXml(label)}</text>`;
  return `<g data-id="${escapeXml(node.id())}">${shape}${text}</g>`;
}

function edgeSvg(edge: EdgeSingular, markers: Map<string, string>): string {
  const s = edge.source().position();
  const t = edge.target().position();
  const colour = String(edge.style('line-color'));
  const width = parseFloat(String(edge.style('width'))) || 1;
  const line = String(edge.style('line-style'));
  const dash =
    line === 'dashed' ? ' stroke-dasharray="6 4"' : line === 'dotted' ? ' stroke-dasharray="1.5 3"' : '';
  const opacity = Number(edge.style('opacity'));
  let marker = markers.get(colour);
  if (!marker) {
    marker = `arrow${markers.size}`;
    markers.set(colour, marker);
  }
  // Stop at the target's border, as the canvas draws it, so the arrow head stays visible.
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const length = Math.hypot(dx, dy) || 1;
  const r = Math.max(edge.target().width(), edge.target().height()) / 2 + 1;
  const ex = t.x - (dx / length) * r;
  const ey = t.y - (dy / length) * r;
  const label = String(edge.style('label') ?? '');
  const text = label
    ? `<text x="${num((s.x + t.x) / 2)}" y="${num((s.y + t.y) / 2)}" font-size="9" fill="${STATE_COLOURS.label}" text-anchor="middle">${escapeXml(label)}</text>`
    : '';
  return `<line x1="${num(s.x)}" y1="${num(s.y)}" x2="${num(ex)}" y2="${num(ey)}" stroke="${colour}" stroke-width="${num(width)}"${dash}${opacity < 1 ? ` stroke-opacity="${num(opacity)}"` : ''} marker-end="url(#${marker})"/>${text}`;
}

/** The categories and edge kinds of the picture, with the colours they are drawn in. */
function legendSvg(x: number, y: number, categories: ModuleCategory[], kinds: DrawnEdgeKind[]): string {
  const rows: string[] = [
    `<text x="${x}" y="${y}" font-size="12" font-weight="bold" fill="${STATE_COLOURS.label}">Legend</text>`,
  ];
  let cy = y + 20;
  for (const c of categories) {
    rows.push(
      `<circle cx="${x + 6}" cy="${cy - 4}" r="6" fill="${CATEGORY_COLOURS[c]}"/>`,
      `<text x="${x + 18}" y="${cy}" font-size="11" fill="${STATE_COLOURS.label}">${escapeXml(CATEGORY_LABELS[c])}</text>`,
    );
    cy += 18;
  }
  cy += 6;
  for (const k of kinds) {
    const look = EDGE_LOOKS[k];
    const dash =
      look.line === 'dashed'
        ? ' stroke-dasharray="6 4"'
        : look.line === 'dotted'
          ? ' stroke-dasharray="1.5 3"'
          : '';
    rows.push(
      `<line x1="${x}" y1="${cy - 4}" x2="${x + 22}" y2="${cy - 4}" stroke="${look.colour}" stroke-width="${look.width}"${dash}/>`,
      `<text x="${x + 30}" y="${cy}" font-size="11" fill="${STATE_COLOURS.label}">${escapeXml(look.label)}</text>`,
    );
    cy += 18;
  }
  return rows.join('');
}

/**
 * The graph as drawn (positions, colours, shapes, labels, line styles) as one SVG document with
 * a legend of what it shows, written from cytoscape's computed styles.
 */
export function graphSvg(cy: Core, options: SvgExportOptions): string {
  const extent = cy.extent();
  const inView = (bb: { x1: number; x2: number; y1: number; y2: number }): boolean =>
    !options.visibleOnly ||
    (bb.x2 >= extent.x1 && bb.x1 <= extent.x2 && bb.y2 >= extent.y1 && bb.y1 <= extent.y2);
  const nodes = cy.nodes().filter((n) => n.visible() && inView(n.boundingBox()));
  const shown = new Set(nodes.map((n) => n.id()));
  const edges = cy
    .edges()
    .filter((e) => e.visible() && shown.has(e.source().id()) && shown.has(e.target().id()));
  const bb = options.visibleOnly
    ? { x1: extent.x1, y1: extent.y1, x2: extent.x2, y2: extent.y2 }
    : nodes.length > 0
      ? nodes.boundingBox()
      : { x1: 0, y1: 0, x2: 100, y2: 100 };
  const width = bb.x2 - bb.x1 + MARGIN * 2;
  const height = Math.max(bb.y2 - bb.y1 + MARGIN * 2, 200);
  const markers = new Map<string, string>();
  const edgeParts = edges.map((e) => edgeSvg(e as EdgeSingular, markers));
  const nodeParts = nodes.map((n) => nodeSvg(n as NodeSingular));
  const categories = [
    ...new Set(
      nodes
        .map((n) => n.data('category') as ModuleCategory | undefined)
        .filter((c): c is ModuleCategory => c !== undefined),
    ),
  ].sort();
  const kinds = [
    ...new Set(
      edges
        .map((e) => e.data('kind') as DrawnEdgeKind | undefined)
        .filter((k): k is DrawnEdgeKind => k !== undefined && k in EDGE_LOOKS),
    ),
  ].sort();
  const defs = [...markers].map(
    ([colour, id]) =>
      `<marker id="${id}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="${colour}"/></marker>`,
  );
  const total = width + LEGEND_WIDTH;
  const titleHeight = 28;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${num(total)}" height="${num(height + titleHeight)}" viewBox="0 0 ${num(total)} ${num(height + titleHeight)}" font-family="Helvetica, Arial, sans-serif">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<defs>${defs.join('')}</defs>`,
    `<rect width="100%" height="100%" fill="${STATE_COLOURS.background}"/>`,
    `<text x="${MARGIN}" y="20" font-size="13" fill="${STATE_COLOURS.label}">${escapeXml(options.title)}</text>`,
    `<g transform="translate(${num(MARGIN - bb.x1)} ${num(MARGIN - bb.y1 + titleHeight)})">`,
    `<g class="edges">${edgeParts.join('')}</g>`,
    `<g class="nodes">${nodeParts.join('')}</g>`,
    '</g>',
    `<g class="legend">${legendSvg(width + 10, titleHeight + 24, categories, kinds)}</g>`,
    '</svg>',
  ].join('\n');
}

/** The SVG drawn onto a canvas at `scale` and encoded as PNG. */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.width * scale);
    canvas.height = Math.ceil(image.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2D canvas');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
