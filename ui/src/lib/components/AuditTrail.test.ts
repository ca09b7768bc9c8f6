// The change history speaks the forms' words: field labels instead of column names, values as
// the record's page shows them (enum labels, referenced records by name, money, dates).
import { render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../bindings.gen';
import { setLanguage } from '../i18n/index.svelte';
import { callsOf, fakeCore, storedCounsellor, storedDelegation } from '../../test-ipc';
import AuditTrail from './AuditTrail.svelte';

function entry(id: number, action: string, changes: Record<string, unknown>): AuditEntry {
  return {
    id,
    at: '2026-11-27T03:00:00Z',
    entity: 'delegations',
    entity_id: 5,
    entity_uuid: '00000000-0000-4000-a000-000000000005',
    action,
    changes,
  } as AuditEntry;
}

const TRAIL: AuditEntry[] = [
  entry(2, 'update', {
    counsellor_id: { before: null, after: 3 },
    budget_minor: { before: 150_000_000, after: 800_000_000 },
    status: { before: 'draft', after: 'proposed' },
    start_date: { before: '2027-03-08', after: '2027-03-09' },
    sectors: { before: [], after: ['semiconductors'] },
  }),
  entry(1, 'create', { title: { after: 'Tokyo 2027' }, kind: { after: 'outbound' }, budget_minor: { after: 1 } }),
];

function core() {
  return fakeCore({
    record_audit: () => TRAIL,
    get_record: (args) =>
      args.kind === 'counsellors'
        ? storedCounsellor(3, { full_name: 'Lê Minh Châu' })
        : storedDelegation(5, { budget_currency: 'USD' }),
  });
}

afterEach(() => setLanguage('vi'));

describe('AuditTrail', () => {
  it('names each changed field by its form label and shows values as the page does', async () => {
    const calls = core();
    render(AuditTrail, { kind: 'delegations', id: 5 });
    const update = await waitFor(() => {
      const li = document.querySelector('[data-audit-action="update"]');
      if (!li) throw new Error('not yet');
      return li as HTMLElement;
    });
    await waitFor(() => expect(update).toHaveTextContent('Tham tán thương mại: — → Lê Minh Châu'));
    expect(update).toHaveTextContent('Ngân sách: 1.500.000 USD → 8.000.000 USD');
    expect(update).toHaveTextContent('Trạng thái: Dự thảo → Đề xuất');
    expect(update).toHaveTextContent('Ngày bắt đầu: 08/03/2027 → 09/03/2027');
    expect(update).toHaveTextContent('Lĩnh vực: — → Bán dẫn');
    for (const raw of ['counsellor_id', 'budget_minor', 'start_date', 'draft', 'semiconductors']) {
      expect(update).not.toHaveTextContent(raw);
    }
    const created = document.querySelector('[data-audit-action="create"]') as HTMLElement;
    expect(created).toHaveTextContent('Tạo mới');
    expect(created).toHaveTextContent('Tên đoàn, Loại đoàn, Ngân sách');
    // The counsellor is read once by its id.
    expect(callsOf(calls, 'get_record')).toContainEqual({ kind: 'counsellors', id: 3 });

    setLanguage('en');
    await waitFor(() => expect(update).toHaveTextContent('Trade counsellor: — → Lê Minh Châu'));
    expect(update).toHaveTextContent('Budget: USD 1,500,000 → USD 8,000,000');
    expect(update).toHaveTextContent('Status: Draft → Proposed');
    expect(screen.getByText('Changed')).toBeInTheDocument();
  });

  it('names the officer who made each change on a team store, and no one on a store file', async () => {
    fakeCore({
      record_audit: () => [
        { ...entry(2, 'update', { status: { before: 'draft', after: 'proposed' } }), officer: 'nguyen_van_a' },
        entry(1, 'create', { title: { after: 'Tokyo 2027' } }),
      ],
      get_record: () => storedDelegation(5),
    });
    render(AuditTrail, { kind: 'delegations', id: 5 });
    const update = await waitFor(() => {
      const li = document.querySelector('[data-audit-action="update"]');
      if (!li) throw new Error('not yet');
      return li as HTMLElement;
    });
    expect(update).toHaveTextContent('bởi nguyen_van_a');
    const created = document.querySelector('[data-audit-action="create"]') as HTMLElement;
    expect(created).not.toHaveTextContent('bởi');
    setLanguage('en');
    await waitFor(() => expect(update).toHaveTextContent('by nguyen_van_a'));
  });
});
