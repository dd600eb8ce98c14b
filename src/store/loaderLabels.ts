/**
 * Names of the loaders for the views: the one of a dataset's version ("Asterisk 16.30.1 loader")
 * with what sets it apart from master's, and the kinds a user can force.
 */
import type { LoaderChoice, LoaderKind, LoaderRelease, SimulationResult } from '../model';
import { loaderReleaseFor, loaderReleaseName, loaderReleaseTraits } from '../engine/loaderReleases';

export interface LoaderDescription {
  name: string;
  /** What differs from master's loader, one phrase each with its commit; empty for master's. */
  traits: string[];
  /** Said when the version could not be read. */
  assumed?: string;
}

function describe(release: LoaderRelease, kind: LoaderKind = release.kind): LoaderDescription {
  return {
    name: loaderReleaseName(release, kind),
    traits: loaderReleaseTraits(release),
    ...(release.assumed ? { assumed: release.assumed } : {}),
  };
}

/** The loader a dataset of this version runs. */
export function versionLoader(version: string): LoaderDescription {
  return describe(loaderReleaseFor(version));
}

/** The loader a simulation ran. */
export function resultLoader(result: SimulationResult): LoaderDescription {
  return describe(result.release, result.loader);
}

/** The loader picker's options for a dataset of this version. */
export function loaderChoiceLabel(choice: LoaderChoice, version: string): string {
  switch (choice) {
    case 'version':
      return `${versionLoader(version).name} (this version's)`;
    case 'current':
      return 'Dependency-aware (Asterisk 16 and later)';
    case 'legacy':
      return 'Legacy (Asterisk 15 and earlier)';
    case 'proposed':
      return 'Proposed graph loader';
  }
}

/** Whether the version's CLI has the command (`module refresh` came in 16.24, `recursively` in 18.23). */
export function versionHasCommand(version: string, command: 'refresh' | 'refresh recursively'): boolean {
  const release = loaderReleaseFor(version);
  return command === 'refresh' ? release.refreshCommand : release.recursiveRefresh;
}
