// The pipeline's model: leads loaded in pages, grouped into stage columns, sorted for the table,
// and totalled by stage and by sector. Pure functions except `loadLeads`.

import type { Filter, LeadStage } from '../lib/bindings.gen';
import { listRecords, type RecordOf } from '../lib/api';
import { LEAD_STAGES } from '../lib/enums';

export type Lead = RecordOf<'leads'>;

/** The board's columns: lead → aftercare, then lost. */
export const BOARD_STAGES: readonly LeadStage[] = LEAD_STAGES;

/** At most this many leads on the board; beyond, the screen says "showing N of M". */
export const BOARD_CAP = 3000;
/** Leads asked for per `list_records` call while loading the board. */
export const LOAD_BATCH = 500;

/**
 * The leads matching `filters`, most recently updated first, read page by page up to `cap`;
 * `total` is how many match in all.
 */
export async function loadLeads(filters: Filter[], cap = BOARD_CAP): Promise<{ items: Lead[]; total: number }> {
  const items: Lead[] = [];
  const seen = new Set<number>();
  let total = 0;
  let offset = 0;
  for (;;) {
    const page = await listRecords('leads', {
      filters,
      sort: 'updated_at',
      descending: true,
      limit: Math.min(LOAD_BATCH, cap - items.length),
      offset,
    });
    total = page.total;
    offset += page.items.length;
    // A lead updated while the pages are read may appear twice: keep it once.
    for (const lead of page.items) {
      if (!seen.has(lead.id)) {
        seen.add(lead.id);
        items.push(lead);
      }
    }
    if (page.items.length === 0 || offset >= total || items.length >= cap) break;
  }
  return { items, total };
}

/** A lead is overdue when its due instant has passed and it is not lost. */
export function isOverdue(lead: Pick<Lead, 'due_at' | 'stage'>, now: Date): boolean {
  if (!lead.due_at || lead.stage === 'lost') return false;
  const due = Date.parse(lead.due_at);
  return !Number.isNaN(due) && due < now.getTime();
}

/** Due first (earliest on top), leads without a due date last, then by title. */
export function byDue(a: Lead, b: Lead): number {
  if (a.due_at !== b.due_at) {
    if (!a.due_at) return 1;
    if (!b.due_at) return -1;
    return Date.parse(a.due_at) - Date.parse(b.due_at);
  }
  return a.title.localeCompare(b.title, 'vi');
}

/** The leads of each stage, in board order, each column sorted by due date. */
export function columns(leads: readonly Lead[]): Record<LeadStage, Lead[]> {
  const out = Object.fromEntries(BOARD_STAGES.map((s) => [s, [] as Lead[]])) as Record<LeadStage, Lead[]>;
  for (const lead of leads) (out[lead.stage] ?? out.lead).push(lead);
  for (const s of BOARD_STAGES) out[s].sort(byDue);
  return out;
}

/** Count and expected capital of some leads: USD cents summed; leads in other currencies counted apart. */
export type Total = { count: number; usdMinor: number; otherCurrency: number };

const emptyTotal = (): Total => ({ count: 0, usdMinor: 0, otherCurrency: 0 });

function add(total: Total, lead: Lead): void {
  total.count += 1;
  if (lead.expected_capital_minor === null) return;
  if (lead.expected_capital_currency === 'USD') total.usdMinor += lead.expected_capital_minor;
  else total.otherCurrency += 1;
}

/** Totals per stage (every stage present, in board order). */
export function totalsByStage(leads: readonly Lead[]): Record<LeadStage, Total> {
  const out = Object.fromEntries(BOARD_STAGES.map((s) => [s, emptyTotal()])) as Record<LeadStage, Total>;
  for (const lead of leads) add(out[lead.stage] ?? out.lead, lead);
  return out;
}

/** The total of the leads still pursued (every stage but lost). */
export function activeTotal(leads: readonly Lead[]): Total {
  const total = emptyTotal();
  for (const lead of leads) if (lead.stage !== 'lost') add(total, lead);
  return total;
}

/**
 * Totals per sector of the leads still pursued (lost ones left out). A lead in several sectors
 * counts in each; a lead without any under '' (no sector). Largest capital first, then count.
 */
export function totalsBySector(leads: readonly Lead[]): { sector: string; total: Total }[] {
  const map = new Map<string, Total>();
  for (const lead of leads) {
    if (lead.stage === 'lost') continue;
    const sectors = lead.sectors.length > 0 ? [...new Set(lead.sectors)] : [''];
    for (const sector of sectors) {
      let total = map.get(sector);
      if (!total) map.set(sector, (total = emptyTotal()));
      add(total, lead);
    }
  }
  return [...map.entries()]
    .map(([sector, total]) => ({ sector, total }))
    .sort(
      (a, b) =>
        b.total.usdMinor - a.total.usdMinor ||
        b.total.count - a.total.count ||
        (a.sector === '' ? 1 : b.sector === '' ? -1 : a.sector.localeCompare(b.sector)),
    );
}

export const SORT_KEYS = ['title', 'organization', 'stage', 'capital', 'owner', 'due_at'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/**
 * The leads sorted for the table by `key` (organisations by their shown name); empty values go
 * last in either direction.
 */
export function sortLeads(
  leads: readonly Lead[],
  key: SortKey,
  descending: boolean,
  organizationName: (id: number) => string,
): Lead[] {
  const value = (l: Lead): string | number | null => {
    switch (key) {
      case 'title':
        return l.title;
      case 'organization':
        return organizationName(l.organization_id) || null;
      case 'stage':
        return BOARD_STAGES.indexOf(l.stage);
      case 'capital':
        return l.expected_capital_minor;
      case 'owner':
        return l.owner?.trim() || null;
      case 'due_at':
        return l.due_at ? Date.parse(l.due_at) : null;
    }
  };
  const sign = descending ? -1 : 1;
  return [...leads].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.id - b.id : x === null ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
    return order * sign || a.id - b.id;
  });
}
