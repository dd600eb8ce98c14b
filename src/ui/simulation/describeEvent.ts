import type { LoaderEvent, ModuleFault } from '../../model';

/** One line per timeline step, in plain words. */
export function describeEvent(event: LoaderEvent): string {
  switch (event.type) {
    case 'queued':
      return `${event.module} added to the load list (${event.source}${event.line !== undefined ? `, line ${event.line}` : ''})`;
    case 'noload-removed':
      return `${event.module} removed by noload (line ${event.line}${event.impliedBy ? `, implied by ${event.impliedBy}` : ''})`;
    case 'opened':
      return `${event.module} opened (pass ${event.pass})`;
    case 'open-failed':
      return `${event.module} failed to open: needs ${event.missingLinks.join(', ')}${event.final ? '' : ' (retried next pass)'}`;
    case 'prioritised':
      return `Start order fixed for ${event.modules.length} modules`;
    case 'attempted':
      return `${event.module} attempted${event.pulledBy ? ` (pulled in by ${event.pulledBy})` : ''}`;
    case 'skipped-missing-deps':
      return `${event.module} waits for ${event.missing.join(', ')}`;
    case 'retried':
      return `${event.module} retried`;
    case 'started':
      return `${event.module} started${event.pulledBy ? ` (for ${event.pulledBy})` : ''}`;
    case 'declined':
      return `${event.module} declined${event.causes.length > 0 ? ` because of ${event.causes.join(', ')}` : ''}`;
    case 'failed':
      return `${event.module} failed${event.required ? ' (required: startup fails)' : ''}`;
    case 'reference-taken':
      return `${event.module} takes a reference on ${event.target}`;
    case 'reference-released':
      return `${event.module} releases ${event.target}`;
    case 'unloaded':
      return `${event.module} unloaded`;
    case 'startup-aborted':
      return `Startup aborted: ${event.reason}`;
  }
}

export const FAULT_LABELS: Record<ModuleFault, string> = {
  decline: 'Decline at load',
  failure: 'Fail at load',
  missing: 'File missing',
  'no-load-function': 'No load function',
};

