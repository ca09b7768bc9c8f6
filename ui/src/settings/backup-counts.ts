// Record counts of the store and of a backup, named by the kinds' labels: the core keys counts
// by table and lists which kind each table holds (`BackupStatus.kinds`), so no table name is
// spelt here.

import type { CountedKind, UiLanguage } from '../lib/bindings.gen';
import { formatNumber } from '../lib/format';
import { ENTITY_KIND } from '../lib/labels.gen';

type Counts = { [table in string]?: number };

/** One kind's count now and in a backup. */
export type CountRow = { table: string; label: string; now: number; backup: number };

/** Each kind's count in the store now and in the backup, in the core's order. */
export function countRows(kinds: CountedKind[], now: Counts, backup: Counts, lang: UiLanguage): CountRow[] {
  return kinds.map((k) => ({
    table: k.table,
    label: ENTITY_KIND[k.kind][lang],
    now: now[k.table] ?? 0,
    backup: backup[k.table] ?? 0,
  }));
}

/** The kinds a file holds records of, with their numbers ("Organisations 12 · People 30"). */
export function countSummary(kinds: CountedKind[], counts: Counts, lang: UiLanguage): string {
  return kinds
    .filter((k) => (counts[k.table] ?? 0) > 0)
    .map((k) => `${ENTITY_KIND[k.kind][lang]} ${formatNumber(counts[k.table] ?? 0, lang)}`)
    .join(' · ');
}
