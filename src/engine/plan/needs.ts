/**
 * What the user declares beyond the dialplan (channel configs present, codecs, formats, music on
 * hold, CDR/CEL backends, ARI, modules to keep), turned into modules of the dataset with a reason
 * each. Module names follow Asterisk's own naming (`codec_<name>`, `format_<name>`,
 * `cdr_<name>`, `cel_<name>`), so most needs resolve from the data; the small tables below hold
 * what the names do not say.
 */
import type { ModuleGraph, PlanNeeds, PlanReasonKind } from '../../model';
import { CHANNEL_TECHNOLOGIES } from '../../model';
import { resolveModule } from '../graphQueries/moduleNames';

export interface NeededModule {
  module: string;
  kind: PlanReasonKind;
  text: string;
}

export interface ResolvedNeeds {
  modules: NeededModule[];
  /** Names that resolve to nothing in this dataset. */
  unknown: Array<{ what: string; name: string; why: string }>;
}

/**
 * What PJSIP endpoints need besides chan_pjsip and what it requires, for calls with audio from
 * phones that register and authenticate (the modules autoload would bring and a slim file forgets).
 */
export const PJSIP_ESSENTIALS: ReadonlyArray<[string, string]> = [
  [
    'res_pjsip_sdp_rtp',
    'PJSIP calls negotiate their audio in SDP through it (without it calls have no media)',
  ],
  ['res_rtp_asterisk', 'the RTP engine that carries PJSIP audio'],
  ['res_pjsip_authenticator_digest', 'PJSIP phones and trunks authenticate with it'],
  ['res_pjsip_endpoint_identifier_user', 'matches incoming PJSIP requests to endpoints by user name'],
  ['res_pjsip_registrar', 'PJSIP phones register through it'],
];

/** Further PJSIP modules a pjsip.conf with trunks usually relies on. */
export const PJSIP_CONF_EXTRAS: ReadonlyArray<[string, string]> = [
  ['res_pjsip_outbound_registration', 'registers to providers (pjsip.conf registration sections)'],
  ['res_pjsip_outbound_authenticator_digest', "answers a provider's authentication challenge"],
  [
    'res_pjsip_endpoint_identifier_ip',
    "matches a provider's requests to its endpoint by IP (pjsip.conf identify sections)",
  ],
  ['res_pjsip_caller_id', 'reads and sends caller ID headers'],
];

/** Sound-file format names that do not follow `format_<name>`. */
const FORMAT_ALIASES: Readonly<Record<string, string>> = {
  wav49: 'format_wav_gsm',
  ulaw: 'format_pcm',
  alaw: 'format_pcm',
  pcm: 'format_pcm',
  g722: 'format_pcm',
  slin: 'format_sln',
  sln16: 'format_sln',
};

/** Config file names that name a channel driver (besides `<tech>.conf`). */
const CONFIG_CHANNELS: Readonly<Record<string, string>> = {
  iax: 'iax2',
  chan_dahdi: 'dahdi',
  motif: 'motif',
};

function has(graph: ModuleGraph, name: string): string | undefined {
  const found = resolveModule(graph, name);
  const info = found === undefined ? undefined : graph.modules[found];
  return info && info.kind === 'loadable' ? found : undefined;
}

/** The modules a channel technology needs by default (PJSIP's essentials), with reasons. */
export function technologyDefaults(graph: ModuleGraph, technology: string): NeededModule[] {
  if (technology.toLowerCase() !== 'pjsip') return [];
  return PJSIP_ESSENTIALS.flatMap(([m, why]) => {
    const name = has(graph, m);
    return name ? [{ module: name, kind: 'default' as const, text: why }] : [];
  });
}

export function resolveNeeds(graph: ModuleGraph, needs: PlanNeeds): ResolvedNeeds {
  const modules: NeededModule[] = [];
  const unknown: ResolvedNeeds['unknown'] = [];
  const add = (
    what: string,
    given: string,
    candidates: string[],
    text: string,
    kind: PlanReasonKind = 'need',
  ): void => {
    const name = candidates.map((c) => has(graph, c)).find((n) => n !== undefined);
    if (name) modules.push({ module: name, kind, text });
    else
      unknown.push({
        what,
        name: given,
        why: `no module ${candidates.join(' or ')} in Asterisk ${graph.info.version}`,
      });
  };

  for (const raw of needs.channels ?? []) {
    const lower = raw.trim().toLowerCase();
    const base = lower.replace(/\.conf$/, '');
    const tech = CONFIG_CHANNELS[base] ?? base.replace(/^chan_/, '');
    const driver = CHANNEL_TECHNOLOGIES[tech];
    if (driver === undefined || driver === 'core') {
      add('channel', raw, [raw], `declared channel need ${raw}`);
      continue;
    }
    add('channel', raw, [driver], `${raw} is present: its channel driver`);
    if (tech === 'pjsip') {
      for (const [m, why] of [...PJSIP_ESSENTIALS, ...(lower.endsWith('.conf') ? PJSIP_CONF_EXTRAS : [])])
        if (has(graph, m)) modules.push({ module: m, kind: 'need', text: `${raw}: ${why}` });
    }
  }
  for (const raw of needs.codecs ?? []) {
    const c = raw
      .trim()
      .toLowerCase()
      .replace(/^codec_/, '');
    add('codec', raw, [`codec_${c}`], `codec ${c} asked for`);
  }
  for (const raw of needs.formats ?? []) {
    const f = raw
      .trim()
      .toLowerCase()
      .replace(/^format_/, '');
    add(
      'format',
      raw,
      [FORMAT_ALIASES[f] ?? `format_${f}`, `format_${f}`],
      `sound file format ${f} asked for`,
    );
  }
  if (needs.musicOnHold) add('music on hold', 'moh', ['res_musiconhold'], 'music on hold asked for');
  for (const raw of needs.cdr ?? []) {
    const b = raw.trim().toLowerCase().replace(/^cdr_/, '');
    add('CDR backend', raw, [`cdr_${b}`], `CDR backend ${b} asked for`);
  }
  for (const raw of needs.cel ?? []) {
    const b = raw.trim().toLowerCase().replace(/^cel_/, '');
    add('CEL backend', raw, [`cel_${b}`], `CEL backend ${b} asked for`);
  }
  if (needs.ari) {
    add('ARI', 'ari', ['res_ari'], 'the Asterisk REST Interface asked for');
    for (const m of Object.values(graph.modules))
      if (m.kind === 'loadable' && m.name.startsWith('res_ari_'))
        modules.push({ module: m.name, kind: 'need', text: `ARI resource ${m.description ?? m.name}` });
  }
  const asked = [
    ...(needs.keep ?? []).map((raw) => ({ raw, text: `kept as asked (--keep ${raw.trim()})` })),
    ...(needs.require ?? []).map((raw) => ({
      raw,
      text: `required as asked (--require ${raw.trim()}): Asterisk stops if it does not start`,
    })),
  ];
  for (const { raw, text } of asked) {
    const name = has(graph, raw.trim());
    if (name) modules.push({ module: name, kind: 'keep', text });
    else
      unknown.push({
        what: 'module to keep',
        name: raw,
        why: `not a loadable module of Asterisk ${graph.info.version}`,
      });
  }
  return { modules, unknown };
}

/**
 * Sorts free `--need` names into a PlanNeeds: `pjsip.conf`, `iax2`, `ulaw`, `wav`, `moh`,
 * `cdr_csv`, `cel_custom`, `ari`, `manager`, `http`, or a module name (kept).
 */
export function needsFromNames(names: readonly string[]): { needs: PlanNeeds; notes: string[] } {
  const needs: PlanNeeds = {};
  const notes: string[] = [];
  const push = (key: 'channels' | 'codecs' | 'formats' | 'cdr' | 'cel' | 'keep', value: string): void => {
    (needs[key] ??= []).push(value);
  };
  const codecs = new Set([
    'ulaw',
    'alaw',
    'g722',
    'g726',
    'g729',
    'gsm',
    'opus',
    'ilbc',
    'speex',
    'lpc10',
    'adpcm',
    'resample',
    'silk',
    'siren7',
    'siren14',
    'a_mu',
  ]);
  const formats = new Set([
    'wav',
    'wav49',
    'sln',
    'pcm',
    'g719',
    'g723',
    'g726',
    'g729',
    'h263',
    'h264',
    'ilbc',
    'ogg_vorbis',
    'ogg_speex',
    'siren7',
    'siren14',
    'vox',
    'mp3',
  ]);
  for (const raw of names) {
    const n = raw.trim();
    const lower = n.toLowerCase();
    const tech = (CONFIG_CHANNELS[lower.replace(/\.conf$/, '')] ?? lower.replace(/\.conf$/, '')).replace(
      /^chan_/,
      '',
    );
    if (
      lower.endsWith('.conf') ||
      (CHANNEL_TECHNOLOGIES[tech] !== undefined &&
        !lower.includes('_') &&
        CHANNEL_TECHNOLOGIES[tech] !== 'core')
    )
      push('channels', n);
    else if (lower.startsWith('codec_') || codecs.has(lower)) push('codecs', lower);
    else if (lower.startsWith('format_') || formats.has(lower)) push('formats', lower);
    else if (lower === 'moh' || lower === 'musiconhold' || lower === 'music-on-hold')
      needs.musicOnHold = true;
    else if (lower.startsWith('cdr_')) push('cdr', lower);
    else if (lower.startsWith('cel_')) push('cel', lower);
    else if (lower === 'ari') needs.ari = true;
    else if (lower === 'manager' || lower === 'ami' || lower === 'http')
      notes.push(
        `${n}: built into Asterisk (the ${lower === 'http' ? 'HTTP server' : 'manager interface'} is part of the core), nothing to load.`,
      );
    else push('keep', n);
  }
  return { needs, notes };
}
