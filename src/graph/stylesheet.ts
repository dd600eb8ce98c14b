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
import { LABEL_FONT } from './labelMetrics';

/** Node box sizes; layouts use the same numbers so precomputed positions leave room for them. */
export const NODE_SIZE = { module: 22, library: 16, item: 12, group: 40, ghost: 22 } as const;

const SUPPORT_LEVELS = Object.keys(SUPPORT_SHAPES) as SupportLevel[];
const DRAWN_EDGE_KINDS = Object.keys(EDGE_LOOKS) as DrawnEdgeKind[];

function rule(selector: string, style: StylesheetStyle['style']): StylesheetStyle {
  return { selector, style };
}

/**
 * One rule per class: category colours, support-level shapes, one line style per edge kind and
 * one rule per state class, so states combine predictably. The adapter only ever adds and removes
 * these classes; the stylesheet itself never changes at run time.
 */
export function buildStylesheet(): StylesheetJson {
  return [
    rule('node', {
      width: NODE_SIZE.module,
      height: NODE_SIZE.module,
      'background-color': CATEGORY_COLOURS.other,
      color: STATE_COLOURS.label,
      'font-size': LABEL_FONT,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-outline-color': STATE_COLOURS.background,
      'text-outline-width': 2,
      // Which labels are drawn is decided by the label placement (class `labelled`), not by zoom.
      'min-zoomed-font-size': 0,
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
    }),
    ...PROVIDED_ITEM_KINDS.map((k) => rule(`node.item-${k}`, { 'background-color': ITEM_COLOURS[k] })),
    rule('node.item.multi-provider', {
      width: NODE_SIZE.item * 1.6,
      height: NODE_SIZE.item * 1.6,
      'border-width': 3,
      'border-color': STATE_COLOURS.multiProvider,
      'font-weight': 'bold',
    }),
    // Group nodes stand for a whole category: sized by member count, always labelled "res · 154".
    rule('node.group', {
      shape: 'ellipse',
      width: 'data(size)',
      height: 'data(size)',
      'font-weight': 'bold',
      'text-margin-y': 4,
      'background-opacity': 0.8,
      'border-width': 2,
      'border-color': '#e6edf5',
      'border-opacity': 0.35,
    }),
    rule('node.group-isolated', {
      'background-color': '#3a4452',
      'border-style': 'dashed',
      'border-color': '#9aa3ad',
      'border-opacity': 0.8,
    }),
    rule('node.ghost', {
      'background-opacity': 0.12,
      'border-width': 2,
      'border-style': 'dashed',
      'border-color': STATE_COLOURS.diffRemoved,
      color: '#9aa3ad',
      'font-style': 'italic',
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
    // Between groups: one curved edge per direction, as wide as it is busy, with its count.
    rule('edge.edge-aggregate', {
      'curve-style': 'bezier',
      width: 'data(width)',
      label: 'data(label)',
      'font-size': 11,
      color: STATE_COLOURS.label,
      'text-background-color': STATE_COLOURS.background,
      'text-background-opacity': 0.85,
      'text-background-padding': '2px',
      'text-background-shape': 'roundrectangle',
      'arrow-scale': 0.9,
      opacity: 0.8,
    }),

    // Simulated outcomes (only while a result is shown) override the category colours.
    ...outcomeRules(),

    // States last so they override the looks above. One rule per state class.
    rule('node.labelled', { label: 'data(label)', 'font-size': 'data(fs)' }),
    rule('node.dimmed', { opacity: 0.22, 'text-opacity': 0.5 }),
    rule('edge.dimmed', { opacity: 0.06, 'text-opacity': 0 }),
    rule('node.focus-direct', {
      'z-index': 8,
      'border-width': 2,
      'border-color': '#e6edf5',
      'border-style': 'solid',
    }),
    // Comparison rings are drawn big: they must read on the whole graph, zoomed out.
    rule('node.diff-added', {
      width: 32,
      height: 32,
      'border-width': 6,
      'border-color': STATE_COLOURS.diffAdded,
      'border-style': 'solid',
    }),
    rule('node.diff-changed', {
      width: 30,
      height: 30,
      'border-width': 6,
      'border-color': STATE_COLOURS.diffChanged,
      'border-style': 'solid',
    }),
    rule('node.diff-removed', { 'border-color': STATE_COLOURS.diffRemoved }),
    rule('node.hl', { opacity: 1, 'border-width': 3, 'border-color': STATE_COLOURS.highlight, 'z-index': 9 }),
    rule('edge.hl', {
      opacity: 1,
      width: 3,
      'line-color': STATE_COLOURS.highlight,
      'target-arrow-color': STATE_COLOURS.highlight,
      'z-index': 9,
    }),
    rule('node.hl-origin', {
      'border-width': 5,
      'border-style': 'double',
      'border-color': STATE_COLOURS.highlight,
      'z-index': 10,
    }),
    rule('node.selected', {
      opacity: 1,
      'border-width': 4,
      'border-color': STATE_COLOURS.selected,
      'border-style': 'solid',
      'font-weight': 'bold',
      color: STATE_COLOURS.selected,
      'z-index': 10,
    }),
    // Hover / keyboard reach (dependency-cruiser's report): what the node needs, what needs it, the rest faded.
    rule('node.faded', { opacity: 0.15, 'text-opacity': 0.3 }),
    rule('edge.faded', { opacity: 0.04, 'text-opacity': 0 }),
    rule('node.reach-dep', {
      opacity: 1,
      'border-width': 3,
      'border-color': STATE_COLOURS.reachDependency,
      'border-style': 'solid',
    }),
    rule('node.reach-rdep', {
      opacity: 1,
      'border-width': 3,
      'border-color': STATE_COLOURS.reachDependent,
      'border-style': 'solid',
    }),
    rule('edge.reach-dep', {
      opacity: 1,
      width: 2.4,
      'line-color': STATE_COLOURS.reachDependency,
      'target-arrow-color': STATE_COLOURS.reachDependency,
      'z-index': 9,
    }),
    rule('edge.reach-rdep', {
      opacity: 1,
      width: 2.4,
      'line-color': STATE_COLOURS.reachDependent,
      'target-arrow-color': STATE_COLOURS.reachDependent,
      'z-index': 9,
    }),
    rule('node.reach-origin', { opacity: 1, 'z-index': 11 }),
    rule('node.kbd-focus', {
      'outline-width': 3,
      'outline-color': STATE_COLOURS.keyboardFocus,
      'outline-offset': 3,
      'outline-opacity': 1,
      'z-index': 12,
    }),
    rule('.hidden', { display: 'none' }),
    // cytoscape's own selection highlight would fight ours; selection lives in the store.
    rule('node:selected', { 'overlay-opacity': 0 }),
    rule('node:active', { 'overlay-opacity': 0.15, 'overlay-color': STATE_COLOURS.selected }),
  ];
}
