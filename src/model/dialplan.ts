/**
 * A parsed extensions.conf dialplan (with the files it #includes): what the planner needs to know
 * which modules a PBX uses. Every item carries its file, line and column so a warning can point
 * at the text.
 */

export interface DialplanLocation {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface DialplanContext extends DialplanLocation {
  name: string;
  /** `[name](!)`: a template, not a context of its own. */
  template: boolean;
  /** Templates it inherits from (`[name](tpl1,tpl2)`), or `+` for "add to an earlier one". */
  inherits: string[];
}

/** One `exten =>` or `same =>` line. */
export interface DialplanPriority extends DialplanLocation {
  context: string;
  /** The extension pattern as written (`_1XX`, `s`, `100/_5XX` with a caller-ID match). */
  extension: string;
  /** As written: `1`, `n`, `n+2`, `s`, `hint`. */
  priority: string;
  label?: string;
  /** Empty for a hint. */
  application: string;
  args: string;
  /** For a hint, the devices it watches (the whole value). */
  hint?: string;
}

export type DialplanUseKind = 'application' | 'function' | 'technology' | 'switch';

/** Something the dialplan uses that a module provides. */
export interface DialplanUse extends DialplanLocation {
  kind: DialplanUseKind;
  /** As written (`Dial`, `CALLERID`, `PJSIP`, `Realtime`). */
  name: string;
  context?: string;
  extension?: string;
  /** How it was found when not literally: `${TRUNK} from [globals] (extensions.conf:4)`. */
  via?: string;
}

export type DialplanTargetKind = 'include' | 'gosub' | 'macro' | 'goto' | 'agi';

/** A place the dialplan sends calls to: another context, a subroutine, an AGI script. */
export interface DialplanTarget extends DialplanLocation {
  kind: DialplanTargetKind;
  /** Context (or script) named, as written. */
  target: string;
  from: string;
}

export interface DialplanGlobal extends DialplanLocation {
  name: string;
  value: string;
}

export interface Dialplan {
  /** The file the dialplan starts from, then the included files in the order first read. */
  files: string[];
  contexts: DialplanContext[];
  priorities: DialplanPriority[];
  uses: DialplanUse[];
  targets: DialplanTarget[];
  globals: DialplanGlobal[];
}

/** A dialplan file given by the user: its name and text. */
export interface DialplanFile {
  name: string;
  text: string;
}

/**
 * Channel technologies as dial strings name them (`PJSIP/100`), lower case, and the module that
 * registers each (`core` for the ones built into Asterisk). The xmldoc does not say which module
 * registers which technology, so this small table does; it lists every channel driver of the
 * built-in datasets (13.38.3 to master) plus the core's own.
 */
export const CHANNEL_TECHNOLOGIES: Readonly<Record<string, string>> = {
  pjsip: 'chan_pjsip',
  sip: 'chan_sip',
  iax2: 'chan_iax2',
  dahdi: 'chan_dahdi',
  local: 'core',
  console: 'chan_console',
  alsa: 'chan_alsa',
  oss: 'chan_oss',
  motif: 'chan_motif',
  skinny: 'chan_skinny',
  mgcp: 'chan_mgcp',
  unistim: 'chan_unistim',
  multicastrtp: 'chan_rtp',
  unicastrtp: 'chan_rtp',
  audiosocket: 'chan_audiosocket',
  websocket: 'chan_websocket',
  announcer: 'chan_bridge_media',
  recorder: 'chan_bridge_media',
  cbann: 'app_confbridge',
  cbrec: 'app_confbridge',
  misdn: 'chan_misdn',
  nbs: 'chan_nbs',
  phone: 'chan_phone',
  vpb: 'chan_vpb',
  ooh323: 'chan_ooh323',
  mobile: 'chan_mobile',
};

/** Switch types (`switch => Realtime/...`) and the module that registers each. */
export const SWITCH_TYPES: Readonly<Record<string, string>> = {
  realtime: 'pbx_realtime',
  dundi: 'pbx_dundi',
  iax2: 'chan_iax2',
  lua: 'pbx_lua',
  loopback: 'pbx_loopback',
};

/** Contexts a module creates at run time, so a dialplan may include them without defining them. */
export const MODULE_CONTEXTS: Readonly<Record<string, string>> = {
  parkedcalls: 'res_parking',
};
