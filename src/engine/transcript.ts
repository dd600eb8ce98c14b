/**
 * Collects what a simulation run emits: timeline events and the log transcript in the real
 * loader's wording. Startup errors are buffered and printed as one block at the end, as the
 * loader does (main/loader.c: module_load_error while startup_error_builder is set).
 */
import type { LoaderEvent, LogLevel, LogLine } from '../model';

export class Transcript {
  events: LoaderEvent[] = [];
  lines: LogLine[] = [];
  /** Non-null while startup errors are being buffered. */
  private deferred: string[] | null = null;

  emit(event: LoaderEvent): number {
    this.events.push(event);
    return this.events.length - 1;
  }

  log(level: LogLevel, message: string, source = 'loader.c', verbosity?: number): void {
    // Same shape for every line (event and verbosity possibly undefined): cheaper for the engine to build.
    this.lines.push({
      level,
      source,
      message,
      verbosity,
      event: this.events.length > 0 ? this.events.length - 1 : undefined,
    });
  }

  debug(message: string): void {
    this.log('DEBUG', message);
  }

  /** ast_verb(level, ...) */
  verbose(message: string, level = 1): void {
    this.log('VERBOSE', message, 'loader.c', level);
  }

  /** An error the loader defers to the end of startup, or logs at once at run time. */
  loadError(message: string): void {
    if (this.deferred) this.deferred.push(message);
    else this.log('ERROR', message);
  }

  startBuffering(): void {
    this.deferred = [];
  }

  /** Prints the buffered errors as ERROR lines and stops buffering. */
  flushBuffered(): void {
    const pending = this.deferred ?? [];
    this.deferred = null;
    for (const message of pending) this.log('ERROR', message);
  }

  /** Hands over what was recorded so far and starts empty (startup, then run time). */
  takeRecorded(): { events: LoaderEvent[]; lines: LogLine[] } {
    const taken = { events: this.events, lines: this.lines };
    this.events = [];
    this.lines = [];
    return taken;
  }

  /** Marks where a run-time command starts, so its own lines and events can be sliced out. */
  mark(): { events: number; lines: number } {
    return { events: this.events.length, lines: this.lines.length };
  }
}

/** One transcript line as Asterisk's logger writes it, without timestamp and thread id. */
export function formatLogLine(line: LogLine): string {
  return `${line.level} ${line.source}: ${line.message}`;
}
