// The licence list of assets/licences/licences.json (written by `./dev licences`, checked
// against the lock files by a core test), loaded when About opens: it is large, so it is its
// own chunk of the build, not part of the app's start.

import { fold } from '../lib/text-fold';

/** One bundled component, as the generator lists it. */
export type LicencedComponent = {
  kind: 'crate' | 'npm' | 'font';
  name: string;
  version: string;
  /** The SPDX expression its package declares. */
  licence: string;
  url: string;
  /** Ids of its licence texts in `LicenceList.texts` (none when the package carries no file). */
  texts: string[];
  /** A font family's files. */
  files?: string[];
};

export type LicenceList = {
  generated_by: string;
  target: string;
  components: LicencedComponent[];
  texts: Record<string, { file: string; text: string }>;
};

export async function loadLicences(): Promise<LicenceList> {
  const raw = (await import('../../../assets/licences/licences.json?raw')).default;
  return JSON.parse(raw) as LicenceList;
}

/**
 * One expression for licences that say the same: the old `MIT/Apache-2.0` slash is `OR`, and the
 * terms of a plain `A OR B` list are put in order ("Apache-2.0 OR MIT" and "MIT OR Apache-2.0"
 * are one group). Anything with AND, WITH or parentheses is kept as written.
 */
export function licenceGroupName(expression: string): string {
  const or = expression.replace(/\s*\/\s*/g, ' OR ').trim();
  if (/[()]|\bAND\b|\bWITH\b/.test(or)) return or;
  return or
    .split(/\s+OR\s+/)
    .sort((a, b) => a.localeCompare(b))
    .join(' OR ');
}

export type LicenceGroup = { licence: string; components: LicencedComponent[] };

/** The components whose name holds `filter` (accents and case aside), grouped by licence, largest group first. */
export function licenceGroups(components: LicencedComponent[], filter = ''): LicenceGroup[] {
  const wanted = fold(filter.trim());
  const groups = new Map<string, LicencedComponent[]>();
  for (const c of components) {
    if (wanted && !fold(c.name).includes(wanted)) continue;
    const name = licenceGroupName(c.licence);
    groups.set(name, [...(groups.get(name) ?? []), c]);
  }
  return [...groups.entries()]
    .map(([licence, list]) => ({ licence, components: list }))
    .sort((a, b) => b.components.length - a.components.length || a.licence.localeCompare(b.licence));
}
