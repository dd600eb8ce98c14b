import type { ModuleGraph } from '../model';

/** One choice among the needs a dialplan does not show. */
export interface PlanChoice {
  /** As PlanNeeds takes it (`pjsip.conf`, `g722`, `csv`). */
  value: string;
  /** What the control says. */
  label: string;
  /** The module it brings. */
  module: string;
}

export interface PlanChoices {
  channels: PlanChoice[];
  codecs: PlanChoice[];
  formats: PlanChoice[];
  cdr: PlanChoice[];
  cel: PlanChoice[];
  musicOnHold: boolean;
  ari: boolean;
}

/**
 * Channel drivers whose config file says it better than the module name: the planner reads
 * `pjsip.conf` as "endpoints and trunks", bringing the PJSIP modules those rely on.
 */
const CHANNEL_CONFIG_FILES: Readonly<Record<string, string>> = {
  chan_pjsip: 'pjsip.conf',
  chan_sip: 'sip.conf',
  chan_iax2: 'iax.conf',
  chan_dahdi: 'chan_dahdi.conf',
};

/** Channel drivers of the core's own technologies or internal helpers, not something an admin configures. */
const NOT_CONFIGURED = new Set(['chan_bridge_media', 'chan_rtp']);

const cache = new WeakMap<ModuleGraph, PlanChoices>();

function withPrefix(graph: ModuleGraph, prefix: string): PlanChoice[] {
  return Object.values(graph.modules)
    .filter((m) => m.kind === 'loadable' && m.name.startsWith(prefix))
    .map((m) => ({ value: m.name.slice(prefix.length), label: m.name.slice(prefix.length), module: m.name }))
    .sort((a, b) => (a.label < b.label ? -1 : 1));
}

/**
 * What the Plan tab offers for the graph on screen: its channel drivers, codecs, sound formats
 * and CDR/CEL backends (so a version without chan_sip never offers it), memoised per graph.
 */
export function planChoicesOf(graph: ModuleGraph): PlanChoices {
  let choices = cache.get(graph);
  if (choices) return choices;
  const loadable = (name: string): boolean => graph.modules[name]?.kind === 'loadable';
  const channels = Object.values(graph.modules)
    .filter((m) => m.kind === 'loadable' && m.category === 'channels' && !NOT_CONFIGURED.has(m.name))
    .map((m) => {
      const file = CHANNEL_CONFIG_FILES[m.name];
      return {
        value: file ?? m.name,
        label: file ? `${file} (${m.name})` : m.name,
        module: m.name,
      };
    })
    // The usual ones first, in the order admins meet them.
    .sort((a, b) => {
      const rank = (c: PlanChoice): number => {
        const i = Object.keys(CHANNEL_CONFIG_FILES).indexOf(c.module);
        return i < 0 ? 99 : i;
      };
      return rank(a) - rank(b) || (a.module < b.module ? -1 : 1);
    });
  choices = {
    channels,
    codecs: withPrefix(graph, 'codec_'),
    formats: withPrefix(graph, 'format_'),
    cdr: withPrefix(graph, 'cdr_'),
    cel: withPrefix(graph, 'cel_'),
    musicOnHold: loadable('res_musiconhold'),
    ari: loadable('res_ari'),
  };
  cache.set(graph, choices);
  return choices;
}
