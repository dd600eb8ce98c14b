import type { StylesheetJson, StylesheetStyle } from 'cytoscape';
import { MODULE_CATEGORIES, PROVIDED_ITEM_KINDS } from '../model';
import type { SupportLevel } from '../model';
import {
  CATEGORY_COLOURS,
  EDGE_LOOKS,
  ITEM_COLOURS,
  LIBRARY_COLOUR,
  LIBRARY_SHAPE,
  STATE_COLOURS,
  SUPPORT_SHAPES,
} from './palette';
import type { DrawnEdgeKind } from './elements';
import { outcomeRules } from './outcomes';

/** Node box sizes; layouts use the same numbers so precomputed positions leave room for them. */
export const NODE_SIZE = { module: 22, library: 16, item: 12 } as const;

const SUPPORT_LEVELS = Object.keys(SUPPORT_SHAPES) as SupportLevel[];
const DRAWN_EDGE_KINDS = Object.keys(EDGE_LOOKS) as DrawnEdgeKind[];

function rule(selector: string, style: StylesheetStyle['style']): StylesheetStyle {
  return { selector, style };
}

/**
 * One rule per class: category colours, support-level shapes, one line style per edge kind and
 * one rule per state (selected, focused, dimmed, multi-provider), so states combine predictably.
 */
export function buildStylesheet(): StylesheetJson {
  return [
    rule('node', {
      width: NODE_SIZE.module,
      height: NODE_SIZE.module,
      'background-color': CATEGORY_COLOURS.other,
      label: 'data(label)',
      color: STATE_COLOURS.label,
      'font-size': 9,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-outline-color': STATE_COLOURS.background,
      'text-outline-width': 2,
      // Labels only once they are readable; drawing 600 tiny labels is what makes fit-to-screen slow.
      'min-zoomed-font-size': 7,
    }),
    ...MODULE_CATEGORIES.map((c) => rule(`node.cat-${c}`, { 'background-color': CATEGORY_COLOURS[c] })),
    ...SUPPORT_LEVELS.map((s) => rule(`node.module.support-${s}`, { shape: SUPPORT_SHAPES[s] })),
    rule('node.support-deprecated', { 'background-opacity': 0.55 }),
    rule('node.support-unspecified', {
      'border-width': 1.5,
      'border-style': 'dashed',
      'border-color': '#9aa3ad',
    }),
    rule('node.kind-builtin', { 'border-width': 2, 'border-color': '#ffffff', 'border-style': 'double' }),
    rule('node.kind-non-loadable, node.kind-build-option', {
      'background-opacity': 0.25,
      'border-width': 1.5,
      'border-style': 'dashed',
      'border-color': '#9aa3ad',
    }),
    rule('node.library', {
      shape: LIBRARY_SHAPE,
      width: NODE_SIZE.library * 1.6,
      height: NODE_SIZE.library,
      'background-color': LIBRARY_COLOUR,
      color: '#aeb7c2',
      'font-style': 'italic',
    }),
    rule('node.item', {
      width: NODE_SIZE.item,
      height: NODE_SIZE.item,
      shape: 'round-rectangle',
      'font-size': 8,
    }),
    ...PROVIDED_ITEM_KINDS.map((k) => rule(`node.item-${k}`, { 'background-color': ITEM_COLOURS[k] })),
    rule('node.item.multi-provider', {
      width: NODE_SIZE.item * 1.6,
      height: NODE_SIZE.item * 1.6,
      'border-width': 3,
      'border-color': STATE_COLOURS.multiProvider,
      'font-weight': 'bold',
      // Always labelled: these are the names a dialplan can resolve to more than one module.
      'min-zoomed-font-size': 0,
    }),

    // Colours, widths and arrows come from the edge-kind rules below; the base rule only sets what they share.
    // Straight edges: a dependency and a requirement between the same pair overlap instead of
    // doubling the clutter, and they are much cheaper to draw than bezier curves.
    rule('edge', {
      'curve-style': 'straight',
      'arrow-scale': 0.7,
      opacity: 0.75,
    }),
    ...DRAWN_EDGE_KINDS.map((kind) => {
      const look = EDGE_LOOKS[kind];
      return rule(`edge.edge-${kind}`, {
        width: look.width,
        'line-color': look.colour,
        'line-style': look.line,
        'target-arrow-color': look.colour,
        'target-arrow-shape': look.arrow,
        'target-arrow-fill': look.hollow ? 'hollow' : 'filled',
      });
    }),
    rule('edge.edge-uses-library.optional-use', { 'line-style': 'dashed' }),
    rule('edge.edge-provides', { 'curve-style': 'haystack', opacity: 0.5 }),
    rule('edge.multi-provider', { 'line-color': STATE_COLOURS.multiProvider, width: 2, opacity: 0.9 }),

    // Simulated outcomes (only while a result is shown) override the category colours.
    ...outcomeRules(),

    // States last so they override the looks above.
    rule('node.dimmed', { opacity: 0.3, 'text-opacity': 0 }),
    rule('edge.dimmed', { opacity: 0.06 }),
    rule('node.focused', { opacity: 1, 'text-opacity': 1, 'min-zoomed-font-size': 0, 'z-index': 8 }),
    rule('edge.focused', { opacity: 1, width: 2.2, 'z-index': 8 }),
    rule('node.selected', {
      opacity: 1,
      'border-width': 4,
      'border-color': STATE_COLOURS.selected,
      'border-style': 'solid',
      'min-zoomed-font-size': 0,
      'font-size': 12,
      'font-weight': 'bold',
      color: STATE_COLOURS.selected,
      'z-index': 10,
    }),
    // cytoscape's own selection highlight would fight ours; selection lives in the store.
    rule('node:selected', { 'overlay-opacity': 0 }),
    rule('node:active', { 'overlay-opacity': 0.15, 'overlay-color': STATE_COLOURS.selected }),
  ];
}
