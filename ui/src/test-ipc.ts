// Tests only: a fake core behind Tauri's mocked IPC that answers each command with a handler
// and records every call, so a test can check exactly what the UI sent.
import { mockIPC } from '@tauri-apps/api/mocks';
import { afterAll } from 'vitest';
import type {
  Brief,
  BriefBlock,
  BriefModel,
  Conflict,
  Contact,
  Counsellor,
  Delegation,
  DuplicatePair,
  EntityKind,
  EraseReport,
  ErrorPayload,
  FieldError,
  ImportBatch,
  ImportedContact,
  ImportReport,
  Interaction,
  Lead,
  Organization,
  SearchHit,
  Sector,
  ItemView,
  ItineraryItem,
  ItineraryView,
  Linked,
  LinkedBrief,
  LinkedDelegation,
  LinkedMeeting,
  ListQuery,
  Member,
  Office,
  Opportunity,
  OpportunityImage,
  OpportunitySuggestion,
  Page,
  PlanMember,
  RowError,
  Stored,
} from './lib/bindings.gen';
import type { Command, Commands } from './lib/commands.gen';
import { SECTORS } from './lib/labels.gen';

export type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;
/** A handler per declared command (commands.gen.ts): a misspelt command or argument fails the type check. */
export type Handlers = { [C in Command]?: (args: Commands[C]['args']) => unknown };

/** Installs the fake core; commands without a handler reject like an unknown command. */
export function fakeCore(handlers: Handlers): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const handler = handlers[cmd as Command] as Handler | undefined;
    if (!handler) throw `command ${cmd} not found`;
    return handler(args);
  });
  return calls;
}

/** The calls of one command. */
export function callsOf(calls: Call[], cmd: Command): Record<string, unknown>[] {
  return calls.filter((c) => c.cmd === cmd).map((c) => c.args);
}

/** A `list_records` handler serving fixed records per kind (paging honoured, filters recorded). */
export function listOf(records: Partial<Record<EntityKind, object[]>>): Handler {
  return (args) => {
    const kind = args.kind as EntityKind;
    const query = args.query as ListQuery;
    const all = records[kind] ?? [];
    const items = query.limit === null ? all.slice(query.offset) : all.slice(query.offset, query.offset + query.limit);
    const page: Page<object> = { items, total: all.length, offset: query.offset, limit: query.limit };
    return page;
  };
}

/** The payload the core rejects invalid input with. */
export function invalidPayload(fields: FieldError[]): ErrorPayload {
  return {
    code: 'invalid',
    message_vi: fields.map((f) => `${f.field}: ${f.message_vi}`).join('; '),
    message_en: fields.map((f) => `${f.field}: ${f.message_en}`).join('; '),
    fields,
  };
}

const meta = (id: number) => ({
  id,
  uuid: `00000000-0000-4000-8000-${String(id).padStart(12, '0')}`,
  created_at: '2026-01-05T02:00:00.000Z',
  updated_at: '2026-01-06T03:00:00.000Z',
  revision: 1,
});

/** A stored delegation like those the demo data holds. */
export function storedDelegation(id: number, fields: Partial<Delegation> = {}): Stored<Delegation> {
  return {
    ...meta(id),
    kind: 'outbound',
    title: 'Đoàn xúc tiến đầu tư tại Nhật Bản',
    purpose: null,
    destination_country: 'JP',
    destination_city: 'Tokyo',
    time_zone: 'Asia/Tokyo',
    start_date: '2026-03-12',
    end_date: '2026-03-18',
    status: 'approved',
    lead_officer: null,
    counsellor_id: null,
    budget_minor: null,
    budget_currency: null,
    sectors: [],
    approved_by: null,
    approved_at: null,
    notes: null,
    ...fields,
  };
}

/** A stored opportunity (Hoa Lac Hi-Tech Park unless changed). */
export function storedOpportunity(id: number, fields: Partial<Opportunity> = {}): Stored<Opportunity> {
  return {
    ...meta(id),
    kind: 'hitech_zone',
    name_vi: 'Khu Công nghệ cao Hòa Lạc',
    name_en: 'Hoa Lac Hi-Tech Park',
    summary_vi: null,
    summary_en: null,
    location: 'Thạch Thất, Hà Nội',
    area_ha: 1586,
    sectors: ['semiconductors', 'software', 'rd'],
    status: 'open',
    land_rent_min_minor: null,
    land_rent_max_minor: null,
    land_rent_currency: null,
    land_rent_unit: null,
    incentives_vi: null,
    incentives_en: null,
    infrastructure: null,
    contact: null,
    key_figures: [],
    source: 'Ban quản lý Khu CNC Hòa Lạc',
    source_date: '2024-05-31',
    notes: null,
    ...fields,
  };
}

/** A stored picture of opportunity 1 (a resized 1600 × 1067 JPEG unless changed). */
export function storedImage(id: number, fields: Partial<OpportunityImage> = {}): OpportunityImage {
  return {
    id,
    uuid: `00000000-0000-4000-9000-${String(id).padStart(12, '0')}`,
    opportunity_id: 1,
    position: id - 1,
    caption: null,
    mime: 'image/jpeg',
    width: 1600,
    height: 1067,
    sha256: String(id).repeat(64).slice(0, 64),
    created_at: '2026-01-07T04:00:00.000Z',
    ...fields,
  };
}

/** The data URL the core would send for picture `id` (a distinct fake per picture). */
export function imageDataUrlOf(id: number): string {
  return `data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ${id}AAAQABAAD`;
}

/** A recorded brief, generated into the briefs folder. */
export function storedBrief(id: number, fields: Partial<Brief> = {}): Stored<Brief> {
  return {
    ...meta(id),
    title: 'Cơ hội đầu tư tại Hà Nội — Dành cho: Đoàn Nhật Bản',
    language: 'vi',
    audience_kind: 'delegation',
    delegation_id: 1,
    organization_id: null,
    sector: null,
    country: null,
    opportunity_ids: [1],
    sections: ['cover', 'summary'],
    include_personal_data: true,
    version: 1,
    file_name: '/home/lan/.local/share/delegation-planner/briefs/ban-tin-doan-1-vi-v1.pdf',
    file_sha256: 'a3f1c09e5b7d2e4f60718293a4b5c6d7e8f90123456789abcdef0123456789ab',
    generated_at: '2026-11-20T02:15:00Z',
    notes: null,
    layout: 'side_by_side',
    paper: 'a4',
    ...fields,
  };
}

/** An opportunity offered to the brief composer. */
export function suggestion(id: number, name_vi: string, fields: Partial<OpportunitySuggestion> = {}): OpportunitySuggestion {
  return { id, name_vi, name_en: null, kind: 'industrial_zone', sectors: [], score: 0, suggested: false, ...fields };
}

/** A composed brief with the given blocks. */
export function briefModel(blocks: BriefBlock[], fields: Partial<BriefModel> = {}): BriefModel {
  return {
    title: { vi: 'Cơ hội đầu tư tại Hà Nội', en: 'Investment opportunities in Hanoi' },
    subtitle: { vi: 'Dành cho: Đoàn Nhật Bản', en: 'Prepared for: Japan delegation' },
    author: 'Trung tâm Xúc tiến Đầu tư Hà Nội',
    language: 'vi',
    layout: 'side_by_side',
    paper: 'a4',
    generated_at: '2026-11-20T02:15:00Z',
    version: 1,
    include_personal_data: true,
    opportunity_ids: [1],
    blocks,
    ...fields,
  };
}

/** A promise with its resolve function, to hold a command's answer while a test looks. */
export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** A trade office (Tokyo unless changed). */
export function storedOffice(id: number, fields: Partial<Office> = {}): Stored<Office> {
  return {
    ...meta(id),
    name_vi: 'Thương vụ Việt Nam tại Nhật Bản',
    name_en: 'Vietnam Trade Office in Japan',
    country: 'JP',
    city: 'Tokyo',
    time_zone: 'Asia/Tokyo',
    address: '50-11 Motoyoyogi-cho, Shibuya-ku, Tokyo',
    phone: '+81 3 3466 3311',
    email: 'jp@moit.gov.vn',
    languages: ['vi', 'ja', 'en'],
    notes: null,
    ...fields,
  };
}

/** A trade counsellor of office 1. */
export function storedCounsellor(id: number, fields: Partial<Counsellor> = {}): Stored<Counsellor> {
  return {
    ...meta(id),
    office_id: 1,
    full_name: 'Nguyễn Thị Lan',
    title: 'Tham tán thương mại',
    email: 'lan.nt@moit.gov.vn',
    phone: '+81 90 1234 5678',
    languages: ['ja', 'en'],
    notes: null,
    ...fields,
  };
}

/** A person in the contact book. */
export function storedContact(id: number, full_name: string, fields: Partial<Contact> = {}): Stored<Contact> {
  return {
    ...meta(id),
    full_name,
    title: null,
    organization_id: null,
    emails: [],
    phones: [],
    languages: [],
    nationality: null,
    notes: null,
    consent_basis: 'consent',
    consent_date: null,
    consent_source: null,
    ...fields,
  };
}

/** A member record of delegation 5 (a staff member unless changed). */
export function storedMember(id: number, fields: Partial<Member> = {}): Stored<Member> {
  return {
    ...meta(id),
    delegation_id: 5,
    contact_id: null,
    staff_name: 'Trần Văn Minh',
    role: 'member',
    passport_number: null,
    passport_expiry: null,
    visa_status: 'pending',
    dietary_notes: null,
    protocol_notes: null,
    ...fields,
  };
}

/** A member as the itinerary view lists it. */
export function planMember(id: number, name: string, fields: Partial<PlanMember> = {}): PlanMember {
  return {
    id,
    uuid: meta(id).uuid,
    name,
    role: 'member',
    contact_id: null,
    organization: null,
    phone: null,
    email: null,
    passport_number: null,
    passport_expiry: null,
    visa_status: 'issued',
    dietary_notes: null,
    protocol_notes: null,
    ...fields,
  };
}

/** An item of delegation 5 as the view shows it: `local` and `hanoi` are "YYYY-MM-DDTHH:MM" pairs. */
export function itemView(
  id: number,
  title: string,
  local: [string, string],
  hanoi: [string, string],
  fields: Partial<Omit<ItemView, 'item'>> & { item?: Partial<ItineraryItem> } = {},
): ItemView {
  const { item, ...rest } = fields;
  return {
    item: {
      id,
      uuid: meta(id).uuid,
      delegation_id: 5,
      kind: 'meeting',
      title,
      starts_at: `${hanoi[0]}:00+07:00`,
      ends_at: `${hanoi[1]}:00+07:00`,
      time_zone: 'Asia/Tokyo',
      end_time_zone: null,
      venue: null,
      address: null,
      organization_id: null,
      counsellor_id: null,
      contact_ids: [],
      attendee_ids: [],
      notes: null,
      entered_start: null,
      entered_end: null,
      ...item,
    },
    local_start: `${local[0]}:00`,
    local_end: `${local[1]}:00`,
    start_zone_abbr: 'JST',
    end_zone_abbr: 'JST',
    hanoi_start: `${hanoi[0]}:00`,
    hanoi_end: `${hanoi[1]}:00`,
    duration_minutes: Math.round((Date.parse(`${local[1]}:00Z`) - Date.parse(`${local[0]}:00Z`)) / 60_000),
    attendees: [],
    organization: null,
    counsellor: null,
    contacts: [],
    conflicts: [],
    severity: null,
    clock_note: null,
    ...rest,
  };
}

/** The itinerary view of delegation 5, with days grouped from the items' local start dates. */
export function itineraryViewOf(
  parts: { members?: PlanMember[]; items?: ItemView[]; conflicts?: Conflict[]; warnings?: ItineraryView['warnings']; start?: string } = {},
): ItineraryView {
  const start = parts.start ?? null;
  const days: ItineraryView['days'] = [];
  for (const v of parts.items ?? []) {
    const date = v.local_start.slice(0, 10);
    let day = days.find((d) => d.date === date);
    if (!day) {
      const n = start ? Math.round((Date.parse(date) - Date.parse(start)) / 86_400_000) + 1 : null;
      day = { date, day_number: n, items: [] };
      days.push(day);
    }
    day.items.push(v);
  }
  days.sort((a, b) => a.date.localeCompare(b.date));
  return {
    delegation_id: 5,
    members: parts.members ?? [],
    counsellors: [],
    days,
    conflicts: parts.conflicts ?? [],
    warnings: parts.warnings ?? [],
  };
}

/** An organisation in the contact book (an investor in Seoul unless changed). */
export function storedOrganization(id: number, name_vi: string, fields: Partial<Organization> = {}): Stored<Organization> {
  return {
    ...meta(id),
    kind: 'investor',
    name_vi,
    name_en: null,
    country: 'KR',
    city: 'Seoul',
    sectors: [],
    size: 'large',
    website: null,
    notes: null,
    ...fields,
  };
}

/** A lead of organisation 8 (at the first stage, no capital, unless changed). */
export function storedLead(id: number, title: string, fields: Partial<Lead> = {}): Stored<Lead> {
  return {
    ...meta(id),
    organization_id: 8,
    title,
    stage: 'lead',
    lost_reason: null,
    sectors: [],
    expected_capital_minor: null,
    expected_capital_currency: 'USD',
    jobs: null,
    owner: null,
    next_action: null,
    due_at: null,
    notes: null,
    ...fields,
  };
}

/** An interaction with organisation 8 (a meeting unless changed). */
export function storedInteraction(
  id: number,
  occurred_at: string,
  summary: string,
  fields: Partial<Interaction> = {},
): Stored<Interaction> {
  return {
    ...meta(id),
    occurred_at,
    kind: 'meeting',
    summary,
    organization_id: 8,
    contact_ids: [],
    delegation_id: null,
    itinerary_item_id: null,
    notes: null,
    ...fields,
  };
}

/** A search hit as the core sends it. */
export function searchHit(
  kind: EntityKind,
  id: number,
  label: string,
  detail = '',
  parent: SearchHit['parent'] = null,
): SearchHit {
  return { kind, id, label, detail, parent };
}

/**
 * Runs this test file on the clock of `zone` (the computer's zone, as `Date` and `Intl` see it),
 * restored when the file's tests are done. Call it at the top of the file.
 */
export function useTimeZone(zone: string): void {
  const env = (globalThis as unknown as { process: { env: Record<string, string | undefined> } }).process.env;
  const before = env.TZ;
  env.TZ = zone;
  afterAll(() => {
    if (before === undefined) delete env.TZ;
    else env.TZ = before;
  });
}

/** A row of an imported file as the preview samples it (a person at line `line`). */
export function importedContact(line: number, full_name: string, fields: Partial<Contact> & { organization?: string | null } = {}): ImportedContact {
  const { organization = null, ...contact } = fields;
  return {
    line,
    uuid: null,
    contact: { ...storedContact(0, full_name), ...contact } as Contact,
    organization,
  };
}

/** A rejected row's error (an invalid email unless changed). */
export function rowError(line: number, field: string, fields: Partial<RowError> = {}): RowError {
  return {
    line,
    field,
    code: 'invalid_email',
    message_vi: 'Email không hợp lệ: «tanaka@»',
    message_en: 'Not a valid email address: “tanaka@”',
    ...fields,
  };
}

/**
 * What `import_preview` answers for a generic CSV file with four columns (Họ tên, Email, Điện
 * thoại, Công ty) mapped by the core's guess, unless changed.
 */
export function importReport(fields: Partial<ImportReport> = {}): ImportReport {
  return {
    import_id: null,
    dry_run: true,
    format: 'csv',
    sha256: 'ab12'.repeat(16),
    columns: ['Họ tên', 'Email', 'Điện thoại', 'Công ty'],
    mapping: [
      { column: 'Họ tên', target: 'full_name', label: null },
      { column: 'Email', target: 'email', label: null },
      { column: 'Điện thoại', target: 'phone', label: null },
      { column: 'Công ty', target: 'organization', label: null },
    ],
    rows: 3,
    contacts_created: 2,
    organizations_created: 1,
    duplicates: [],
    rows_rejected: new Set((fields.errors ?? []).map((e) => e.line)).size,
    errors: [],
    sample: [],
    ...fields,
  };
}

/** A recorded import (not undone unless changed). */
export function importBatch(id: number, fields: Partial<ImportBatch> = {}): ImportBatch {
  return {
    id,
    uuid: `00000000-0000-4000-a000-${String(id).padStart(12, '0')}`,
    at: '2026-03-02T02:30:00Z',
    file_name: 'danh-ba.csv',
    format: 'csv',
    sha256: 'ab'.repeat(32),
    contacts_created: 2,
    organizations_created: 1,
    duplicates_skipped: 0,
    rows_rejected: 0,
    undone_at: null,
    ...fields,
  };
}

/** Two people the core thinks may be one. */
export function duplicatePair(a: [number, string], b: [number, string], reasons: DuplicatePair['reasons']): DuplicatePair {
  return { a: a[0], b: b[0], a_name: a[1], b_name: b[1], reasons };
}

/** What `person_erase` reports (nothing left mentioning the person unless changed). */
export function eraseReport(contact_id: number, fields: Partial<EraseReport> = {}): EraseReport {
  return {
    contact_id,
    memberships_removed: 0,
    interactions_unlinked: 0,
    meetings_unlinked: 0,
    audit_rows_scrubbed: 0,
    interactions_mentioning: [],
    ...fields,
  };
}

/** A delegation linked to an organisation or a person (a member of it, unless changed). */
export function linkedDelegation(id: number, title: string, fields: Partial<LinkedDelegation> = {}): LinkedDelegation {
  return {
    id,
    title,
    status: 'approved',
    start_date: '2027-01-06',
    end_date: '2027-01-11',
    destination_country: 'JP',
    destination_city: 'Tokyo',
    reasons: ['member'],
    roles: ['member'],
    ...fields,
  };
}

/** A meeting of delegation 5 at 14:00 in Tokyo (05:00 UTC), unless changed. */
export function linkedMeeting(item_id: number, title: string, fields: Partial<LinkedMeeting> = {}): LinkedMeeting {
  return {
    item_id,
    delegation_id: 5,
    delegation_title: 'Đoàn xúc tiến đầu tư tại Nhật Bản',
    title,
    kind: 'meeting',
    starts_at: '2027-01-07T05:00:00Z',
    time_zone: 'Asia/Tokyo',
    venue: null,
    ...fields,
  };
}

/** A brief written for the organisation itself (in Vietnamese, version 1), unless changed. */
export function linkedBrief(id: number, title: string, fields: Partial<LinkedBrief> = {}): LinkedBrief {
  return {
    id,
    title,
    language: 'vi',
    audience_kind: 'organization',
    delegation_id: null,
    delegation_title: null,
    via_delegation: false,
    version: 1,
    file_name: null,
    created_at: '2026-11-20T02:15:00Z',
    ...fields,
  };
}

/**
 * A `linked_records` handler answering like the core for whatever kind and id it is asked
 * about: the given lists, with their lengths as totals unless totals are given.
 */
export function linkedOf(
  parts: Partial<Pick<Linked, 'delegations' | 'meetings' | 'briefs' | 'delegations_total' | 'meetings_total' | 'briefs_total'>> = {},
): Handler {
  return (args) => {
    const delegations = parts.delegations ?? [];
    const meetings = parts.meetings ?? [];
    const briefs = parts.briefs ?? [];
    const linked: Linked = {
      kind: args.kind as EntityKind,
      id: Number(args.id),
      delegations,
      delegations_total: parts.delegations_total ?? delegations.length,
      meetings,
      meetings_total: parts.meetings_total ?? meetings.length,
      briefs,
      briefs_total: parts.briefs_total ?? briefs.length,
    };
    return linked;
  };
}

export { meta as storedMeta };

/** The core's sector list (`list_sectors`): the app's own tags, then `added` ones. */
export function sectorsWith(...added: Sector[]): Sector[] {
  const own = Object.entries(SECTORS).map(([tag, name]) => ({ tag, name, added: false, from_free_text: false }));
  return [...own, ...added];
}

/** A sector added in Settings (or, `from_free_text`, made from a value once typed). */
export function addedSector(tag: string, vi: string, en: string, from_free_text = false): Sector {
  return { tag, name: { vi, en }, added: true, from_free_text };
}
