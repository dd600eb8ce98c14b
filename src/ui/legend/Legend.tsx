import { useState } from 'react';
import type { CSSProperties } from 'react';
import { MODULE_CATEGORIES, type SupportLevel } from '../../model';
import type { DrawnEdgeKind } from '../../graph/elements';
import { PROVIDER_VIEW_ITEM_KINDS } from '../../graph/elements';
import {
  CATEGORY_COLOURS,
  CATEGORY_LABELS,
  EDGE_LOOKS,
  ITEM_COLOURS,
  ITEM_LABELS,
  LIBRARY_COLOUR,
  LIBRARY_SHAPE,
  STATE_COLOURS,
  SUPPORT_LABELS,
  SUPPORT_SHAPES,
} from '../../graph/palette';
import { selectSimulation, useExplorer } from '../../store';
import { OutcomeLegend } from '../simulation/OutcomeLegend';
import { EdgeSample } from './EdgeSample';
import { ShapeIcon } from './ShapeIcon';
import './legend.css';

// Every category a module can be drawn in (`other` is never produced by the datasets).
const CATEGORIES = MODULE_CATEGORIES.filter((c) => c !== 'other');
const SUPPORT: SupportLevel[] = ['core', 'extended', 'deprecated', 'unspecified'];
const SUPPORT_SHORT: Record<SupportLevel, string> = {
  core: 'Core',
  extended: 'Extended',
  deprecated: 'Deprecated',
  external: 'External',
  option: 'Build option',
  unspecified: 'Not stated',
};
const EDGE_SHORT: Record<DrawnEdgeKind, string> = {
  depends: 'depends',
  requires: 'requires',
  optional: 'optional',
  enhances: 'enhances',
  conflicts: 'conflicts',
  'uses-library': 'library',
  links: 'links',
  provides: 'provided by',
  aggregate: 'between groups',
};
const MODULE_EDGES: DrawnEdgeKind[] = [
  'depends',
  'requires',
  'optional',
  'enhances',
  'conflicts',
  'links',
  'uses-library',
];

function ring(colour: string): CSSProperties {
  return { background: 'transparent', border: `2px solid ${colour}`, boxSizing: 'border-box' };
}

/** Key to every colour, shape and line on the canvas, built from the same palette as the stylesheet. */
export function Legend() {
  const mode = useExplorer((s) => s.mode);
  const showLibraries = useExplorer((s) => s.showLibraries);
  const [open, setOpen] = useState(true);
  const showingOutcome = useExplorer((s) => s.colourBy === 'outcome' && selectSimulation(s) !== undefined);
  const highlight = useExplorer((s) => s.highlight);
  const compare = useExplorer((s) => s.compareOverlay);

  return (
    <aside className={`legend ${open ? '' : 'legend-closed'}`} aria-label="Legend">
      <button type="button" className="legend-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        {open ? 'Hide legend' : 'Show legend'}
      </button>
      {open && (
        <div className="legend-body">
          <OutcomeLegend />
          {!showingOutcome && (
            <section>
              <h3>Category</h3>
              <ul>
                {CATEGORIES.map((c) => (
                  <li key={c} title={CATEGORY_LABELS[c]}>
                    <span className="swatch" style={{ background: CATEGORY_COLOURS[c] }} />
                    {c}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {mode === 'modules' ? (
            <>
              <section>
                <h3>Support level</h3>
                <ul>
                  {SUPPORT.map((s) => (
                    <li key={s} title={SUPPORT_LABELS[s]}>
                      {s === 'unspecified' ? (
                        <ShapeIcon shape={SUPPORT_SHAPES[s]} fill="none" stroke="#9aa3ad" dashed />
                      ) : (
                        <ShapeIcon shape={SUPPORT_SHAPES[s]} fill="#c5ccd4" />
                      )}
                      {SUPPORT_SHORT[s]}
                    </li>
                  ))}
                  <li>
                    <ShapeIcon shape="ellipse" fill={CATEGORY_COLOURS.main} stroke="#ffffff" />
                    Built-in
                  </li>
                  {showLibraries && (
                    <li>
                      <ShapeIcon shape={LIBRARY_SHAPE} fill={LIBRARY_COLOUR} />
                      Library
                    </li>
                  )}
                </ul>
              </section>
              <section>
                <h3>Edge: dependent → what it needs</h3>
                <ul>
                  {MODULE_EDGES.filter((k) => showLibraries || k !== 'uses-library').map((k) => (
                    <li key={k} title={EDGE_LOOKS[k].label}>
                      <EdgeSample look={EDGE_LOOKS[k]} />
                      {EDGE_SHORT[k]}
                    </li>
                  ))}
                </ul>
              </section>
            </>
          ) : (
            <section>
              <h3>Provided item</h3>
              <ul>
                {PROVIDER_VIEW_ITEM_KINDS.map((k) => (
                  <li key={k}>
                    <span className="swatch swatch-square" style={{ background: ITEM_COLOURS[k] }} />
                    {ITEM_LABELS[k]}
                  </li>
                ))}
                <li>
                  <span
                    className="swatch swatch-square"
                    style={{ background: '#c5ccd4', boxShadow: `0 0 0 2px ${STATE_COLOURS.multiProvider}` }}
                  />
                  More than one provider
                </li>
              </ul>
            </section>
          )}
          <section aria-label="Focus and highlights">
            <h3>Focus</h3>
            <ul>
              <li>
                <span className="swatch" style={ring(STATE_COLOURS.selected)} />
                Selected
              </li>
              <li title="Direct dependencies and dependents of the focused module">
                <span className="swatch" style={ring('#e6edf5')} />
                Neighbour
              </li>
              <li title="Hover or keyboard focus: everything the node needs, directly or not">
                <span className="swatch" style={ring(STATE_COLOURS.reachDependency)} />
                Needs
              </li>
              <li title="Hover or keyboard focus: everything that needs the node, directly or not">
                <span className="swatch" style={ring(STATE_COLOURS.reachDependent)} />
                Needed by
              </li>
              {highlight && (
                <li title={highlight.title}>
                  <span className="swatch" style={ring(STATE_COLOURS.highlight)} />
                  Highlighted ({highlight.kind})
                </li>
              )}
            </ul>
          </section>
          {compare && (
            <section aria-label="Compared versions">
              <h3>
                {compare.from} → {compare.to}
              </h3>
              <ul>
                <li>
                  <span className="swatch" style={ring(STATE_COLOURS.diffAdded)} />
                  Added
                </li>
                <li>
                  <span className="swatch" style={ring(STATE_COLOURS.diffChanged)} />
                  Changed
                </li>
                <li>
                  <span
                    className="swatch"
                    style={{ ...ring(STATE_COLOURS.diffRemoved), borderStyle: 'dashed' }}
                  />
                  Removed
                </li>
              </ul>
            </section>
          )}
        </div>
      )}
    </aside>
  );
}
