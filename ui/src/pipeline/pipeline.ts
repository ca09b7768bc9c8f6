// The pipeline's model: leads loaded in pages, grouped into stage columns and sorted for the
// table; the totals come from the core (`loadTotals`), never from the leads loaded. Pure
// functions except `loadLeads` and `loadTotals`.

import type { Filter, LeadStage, LeadTotal, PipelineTotals } from '../lib/bindings.gen';
import { listRecords, pipelineTotals, type RecordOf } from '../lib/api';
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

/**
 * The core's totals over every lead of this owner and sector ('' for any), however many there
 * are: by stage, by sector, all and active.
 */
export function loadTotals(owner: string, sector: string): Promise<PipelineTotals> {
  return pipelineTotals({ owner: owner || null, sector: sector || null });
}

const NO_LEADS: LeadTotal = { count: 0, expected_capital_usd_minor: 0, other_currency: 0, jobs: 0 };

/** The total of one stage (zeros when the core has not answered). */
export function stageTotal(totals: PipelineTotals | null, stage: LeadStage): LeadTotal {
  return totals?.stages.find((s) => s.stage === stage)?.total ?? NO_LEADS;
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
