/**
 * The load-order list: which modules the loader will try, in which order, with which flags
 * (main/loader.c: add_to_load_order, loader_builtin_init, loader_config_init).
 */
import type { LoadOrderSource, ModulesConf, ModulesConfEntry } from '../../model';
import type { LoaderState } from '../loader/state';
import type { ModuleLoadFacts } from '../loaderFacts';
import { endsWithSo, moduleKey, stripSo } from '../names';
import type { Transcript } from '../transcript';

export interface LoadOrderEntry {
  /** The name as written (config value or directory entry): messages print it like this. */
  resource: string;
  key: string;
  required: boolean;
  preload: boolean;
  builtin: boolean;
  source: LoadOrderSource;
  /** modules.conf line that added it. */
  line?: number;
  /** The dataset's facts for `key`, null when it does not know the module. */
  facts: ModuleLoadFacts | null;
}

export class LoadOrderList {
  private readonly entries: LoadOrderEntry[] = [];
  /** Entries of modules the dataset knows, by module id (the autoload scan adds thousands)... */
  private readonly byId: (LoadOrderEntry | undefined)[];
  /** ...and the others by key. */
  private readonly byKey = new Map<string, LoadOrderEntry>();
  private readonly removed = new Set<LoadOrderEntry>();
  private readonly t: Transcript;
  private readonly core: LoaderState;

  constructor(t: Transcript, core: LoaderState) {
    this.t = t;
    this.core = core;
    this.byId = new Array<LoadOrderEntry | undefined>(core.facts.list.length).fill(undefined);
  }

  private find(key: string, facts: ModuleLoadFacts | null): LoadOrderEntry | undefined {
    return facts ? this.byId[facts.id] : this.byKey.get(key);
  }

  /** main/loader.c: add_to_load_order — a name already listed only gains the new flags. */
  add(
    resource: string,
    required: boolean,
    preload: boolean,
    builtin: boolean,
    source: LoadOrderSource,
    line?: number,
    key: string = moduleKey(resource),
    facts: ModuleLoadFacts | null = this.core.knownFacts(key),
  ): LoadOrderEntry {
    const existing = this.find(key, facts);
    if (existing) {
      existing.required ||= required;
      existing.preload ||= preload;
      return existing;
    }
    const entry: LoadOrderEntry = { resource, key, required, preload, builtin, source, facts };
    if (line !== undefined) entry.line = line;
    this.entries.push(entry);
    if (facts) this.byId[facts.id] = entry;
    else this.byKey.set(key, entry);
    this.core.record.noteQueued(key, facts);
    const module = facts && isFileOf(resource, facts.name) ? facts.name : stripSo(resource);
    if (line !== undefined)
      this.t.emit({ type: 'queued', module, resource, source, line, required, preload });
    else this.t.emit({ type: 'queued', module, resource, source, required, preload });
    return entry;
  }

  get(name: string): LoadOrderEntry | undefined {
    const key = moduleKey(name);
    return this.find(key, this.core.knownFacts(key));
  }

  remove(entry: LoadOrderEntry): void {
    if (this.find(entry.key, entry.facts) === entry) {
      if (entry.facts) this.byId[entry.facts.id] = undefined;
      else this.byKey.delete(entry.key);
    }
    this.removed.add(entry);
  }

  /** Entries still in the list, in order. */
  live(): LoadOrderEntry[] {
    return this.removed.size === 0 ? [...this.entries] : this.entries.filter((e) => !this.removed.has(e));
  }

  get size(): number {
    return this.entries.length - this.removed.size;
  }
}

/** Whether `resource` is `<name>.so`: stripSo would give back `name` (the string kept for the module). */
function isFileOf(resource: string, name: string): boolean {
  return resource.length === name.length + 3 && endsWithSo(resource) && resource.startsWith(name);
}

const TRUE_VALUES = new Set(['yes', 'true', 'y', 't', '1', 'on']);

/** Whether autoload is on: the last `autoload` line wins (main/config.c: ast_variable_retrieve; main/utils.c: ast_true). */
export function autoloadEnabled(conf: ModulesConf): boolean {
  let value: string | undefined;
  for (const e of conf.entries) if (e.name.toLowerCase() === 'autoload') value = e.value;
  return value !== undefined && TRUE_VALUES.has(value.toLowerCase());
}

export interface ConfigInitOptions {
  /** Module file names in readdir order. */
  readdirOrder: readonly string[];
  /**
   * Called after the explicit entries and the autoload scan, before `noload` removals; returning
   * false refuses the configuration (the proposed loader's conflicts).
   */
  beforeNoload?: (list: LoadOrderList) => boolean;
}

/**
 * main/loader.c: loader_config_init — explicit entries in file order, then the autoload scan, then
 * `noload` removals. Returns false (after logging the loader's error) when Asterisk would refuse
 * the configuration.
 */
export function applyModulesConf(
  core: LoaderState,
  conf: ModulesConf,
  list: LoadOrderList,
  options: ConfigInitOptions,
): boolean {
  const t = core.t;
  if (conf.status === 'invalid') {
    t.log('WARNING', `'modules.conf' invalid or missing.`);
    return false;
  }
  for (const v of conf.entries) {
    const lower = v.name.toLowerCase();
    let required: boolean;
    let preload = false;
    if (lower.startsWith('preload')) {
      preload = true;
      if (lower === 'preload') required = false;
      else if (lower === 'preload-require') required = true;
      else return unknownOption(core, v);
    } else if (lower === 'load') {
      required = false;
    } else if (lower === 'require') {
      required = true;
    } else if (lower === 'noload' || lower === 'autoload') {
      continue;
    } else {
      return unknownOption(core, v);
    }
    if (required) t.debug(`Adding module to required list: ${v.value} (${v.name})`);
    list.add(v.value, required, preload, false, 'config', v.line);
  }

  if (autoloadEnabled(conf)) {
    const files = options.readdirOrder;
    // The same list the outcomes are read for: its facts are looked up once for both.
    const filesFacts = core.factsForFiles(files);
    for (let i = 0; i < files.length; i++) {
      const file = files[i] ?? '';
      if (!endsWithSo(file)) continue;
      const fileFacts = filesFacts[i];
      const known = fileFacts?.known ? fileFacts : null;
      const key = known ? known.key : moduleKey(file);
      if (core.registry.findKey(key, known)) continue;
      list.add(file, false, false, false, 'autoload', undefined, key, known);
    }
  }

  if (options.beforeNoload && !options.beforeNoload(list)) return false;

  for (const v of conf.entries) {
    if (v.name.toLowerCase() !== 'noload') continue;
    const entry = list.get(v.value);
    if (!entry) continue;
    if (entry.builtin) {
      t.log('ERROR', `${v.value} is a built-in module, you cannot specify 'noload'.`);
      return false;
    }
    if (entry.required) {
      t.log(
        'ERROR',
        `${v.value} is configured with '${entry.preload ? 'preload-require' : 'require'}' and 'noload', this is impossible.`,
      );
      return false;
    }
    list.remove(entry);
    core.record.noteNoload(entry.key);
    t.emit({ type: 'noload-removed', module: stripSo(entry.resource), line: v.line });
  }
  return true;
}

function unknownOption(core: LoaderState, v: ModulesConfEntry): false {
  core.t.log('ERROR', `Unknown configuration option '${v.name}'`);
  return false;
}
