// Tests only: a fake core behind Tauri's mocked IPC that answers each command with a handler
// and records every call, so a test can check exactly what the UI sent.
import { mockIPC } from '@tauri-apps/api/mocks';
import type {
  Delegation,
  EntityKind,
  ErrorPayload,
  FieldError,
  ListQuery,
  Page,
  Stored,
} from './lib/bindings.gen';

export type Call = { cmd: string; args: Record<string, unknown> };
type Handler = (args: Record<string, unknown>) => unknown;

/** Installs the fake core; commands without a handler reject like an unknown command. */
export function fakeCore(handlers: Record<string, Handler>): Call[] {
  const calls: Call[] = [];
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    const handler = handlers[cmd];
    if (!handler) throw `command ${cmd} not found`;
    return handler(args);
  });
  return calls;
}

/** The calls of one command. */
export function callsOf(calls: Call[], cmd: string): Record<string, unknown>[] {
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

export { meta as storedMeta };
