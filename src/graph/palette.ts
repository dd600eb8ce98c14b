import type { ModuleCategory, ProvidedItemKind, SupportLevel } from '../model';
import type { DrawnEdgeKind } from './elements';

/**
 * Colours, shapes and line styles shared by the cytoscape stylesheet and the legend, so the legend
 * can never drift from what is drawn. Tuned for the dark theme of the app.
 */

export const CATEGORY_COLOURS: Record<ModuleCategory, string> = {
  apps: '#4e9af1',
  bridges: '#b07cf0',
  cdr: '#f2b84b',
  cel: '#e8d25a',
  channels: '#3fc6a5',
  codecs: '#f07c9a',
  formats: '#c9a27a',
  funcs: '#7bd35f',
  pbx: '#ef8b4d',
  res: '#5ec8e8',
  tests: '#9aa3ad',
  addons: '#d26ad9',
  main: '#f0f0f0',
  other: '#6c7886',
};

export const CATEGORY_LABELS: Record<ModuleCategory, string> = {
  apps: 'Applications (apps)',
  bridges: 'Bridging (bridges)',
  cdr: 'Call detail records (cdr)',
  cel: 'Channel event logging (cel)',
  channels: 'Channel drivers (channels)',
  codecs: 'Codecs (codecs)',
  formats: 'File formats (formats)',
  funcs: 'Dialplan functions (funcs)',
  pbx: 'PBX (pbx)',
  res: 'Resources (res)',
  tests: 'Tests (tests)',
  addons: 'Add-ons (addons)',
  main: 'Built into the core (main)',
  other: 'Other',
};

/** cytoscape node shapes; the legend draws the same shapes in SVG. */
export type NodeShape = 'ellipse' | 'round-rectangle' | 'diamond' | 'hexagon' | 'tag' | 'barrel' | 'octagon';

export const SUPPORT_SHAPES: Record<SupportLevel, NodeShape> = {
  core: 'ellipse',
  extended: 'round-rectangle',
  deprecated: 'diamond',
  external: 'hexagon',
  option: 'octagon',
  unspecified: 'ellipse',
};

export const SUPPORT_LABELS: Record<SupportLevel, string> = {
  core: 'Core support',
  extended: 'Extended support',
  deprecated: 'Deprecated',
  external: 'External',
  option: 'Build option',
  unspecified: 'Support level not stated',
};

export const LIBRARY_COLOUR = '#8b95a1';
export const LIBRARY_SHAPE: NodeShape = 'tag';

export const ITEM_COLOURS: Record<ProvidedItemKind, string> = {
  application: '#4e9af1',
  function: '#7bd35f',
  manager: '#ef8b4d',
  managerEvent: '#e8d25a',
  agi: '#d26ad9',
};

export const ITEM_LABELS: Record<ProvidedItemKind, string> = {
  application: 'Dialplan application',
  function: 'Dialplan function',
  manager: 'Manager (AMI) action',
  managerEvent: 'Manager event',
  agi: 'AGI command',
};

export type LineStyle = 'solid' | 'dashed' | 'dotted';
export type ArrowShape = 'triangle' | 'vee' | 'tee' | 'square' | 'circle' | 'none';

export interface EdgeLook {
  colour: string;
  width: number;
  line: LineStyle;
  arrow: ArrowShape;
  /** Arrow drawn hollow. */
  hollow: boolean;
  label: string;
}

export const EDGE_LOOKS: Record<DrawnEdgeKind, EdgeLook> = {
  depends: {
    colour: '#7d8fa6',
    width: 1.2,
    line: 'solid',
    arrow: 'triangle',
    hollow: false,
    label: 'depends (MODULEINFO)',
  },
  requires: {
    colour: '#e6edf5',
    width: 1.6,
    line: 'solid',
    arrow: 'triangle',
    hollow: false,
    label: 'requires (loader)',
  },
  optional: {
    colour: '#5ec8e8',
    width: 1.2,
    line: 'dashed',
    arrow: 'triangle',
    hollow: true,
    label: 'optional',
  },
  enhances: { colour: '#7bd35f', width: 1.4, line: 'dotted', arrow: 'vee', hollow: false, label: 'enhances' },
  conflicts: {
    colour: '#ff5d5d',
    width: 1.6,
    line: 'solid',
    arrow: 'tee',
    hollow: false,
    label: 'conflicts',
  },
  'uses-library': {
    colour: '#5b6573',
    width: 1,
    line: 'solid',
    arrow: 'triangle',
    hollow: true,
    label: 'uses library',
  },
  links: {
    colour: '#b07cf0',
    width: 1.4,
    line: 'dashed',
    arrow: 'square',
    hollow: false,
    label: 'links against',
  },
  provides: {
    colour: '#6c7886',
    width: 1,
    line: 'solid',
    arrow: 'none',
    hollow: false,
    label: 'provided by',
  },
  aggregate: {
    colour: '#8e9bab',
    width: 2,
    line: 'solid',
    arrow: 'triangle',
    hollow: false,
    label: 'dependencies between groups (count)',
  },
};

export const STATE_COLOURS = {
  selected: '#ffd84d',
  focused: '#ffffff',
  multiProvider: '#ff5d5d',
  background: '#11161d',
  label: '#d8dee6',
  /** Hover / keyboard reach: what the node needs (transitively) and what needs it. */
  reachDependency: '#5ec8e8',
  reachDependent: '#f2994b',
  keyboardFocus: '#4ea1ff',
  highlight: '#ff6bd6',
  diffAdded: '#4fbf6a',
  diffChanged: '#f2b84b',
  diffRemoved: '#7d8794',
};
