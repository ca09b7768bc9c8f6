import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, Lead, ListQuery, Stored } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, invalidPayload, listOf, storedContact, storedInteraction, storedLead, storedOrganization } from '../test-ipc';
import LeadDetail from './LeadDetail.svelte';
import LeadForm from './LeadForm.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

// A lead of organisation 8 at the site-visit stage, overdue, with its interactions and history.
const LEAD = storedLead(6, 'Nhà máy đóng gói chip tại Hòa Lạc', {
  stage: 'site_visit',
  sectors: ['semiconductors'],
  expected_capital_minor: 250_000_000_00,
  jobs: 1200,
  owner: 'Lê Hà',
  next_action: 'Gửi hồ sơ khu đất',
  due_at: '2026-01-10T03:00:00Z',
  notes: 'Ưu tiên khu công nghệ cao',
});
const ORG = storedOrganization(8, 'Công ty TNHH Bán dẫn Seoul', { name_en: 'Seoul Semiconductor Co.' });
const AUDIT: AuditEntry[] = [
  { id: 1, at: '2026-01-05T02:00:00Z', entity: 'leads', entity_id: 6, entity_uuid: LEAD.uuid, action: 'create', changes: {} },
];

const LOST_REQUIRED = invalidPayload([
  { field: 'lost_reason', code: 'required', message_vi: 'Cần nêu lý do khi chuyển sang «Không thành công»', message_en: 'A reason is required when a lead is lost' },
]);

function core(lead: Stored<Lead> = LEAD) {
  let stored = lead;
  return fakeCore({
    get_record: (args) => (args.kind === 'leads' ? stored : ORG),
    list_records: listOf({
      contacts: [storedContact(15, 'Kim Min-jun', { organization_id: 8 })],
      interactions: [storedInteraction(40, '2026-02-10T03:00:00Z', 'Gặp tại KOTRA, quan tâm khu công nghệ cao')],
    }),
    record_audit: () => AUDIT,
    update_record: (args) => {
      const patch = args.patch as Partial<Lead>;
      if (patch.stage === 'lost' && !patch.lost_reason?.trim()) throw LOST_REQUIRED;
      stored = { ...stored, ...patch };
      return stored;
    },
  });
}

describe('Lead page', () => {
  it('shows the lead’s facts, its organisation, its organisation’s interactions and its history', async () => {
    const calls = core();
    render(LeadDetail, { id: 6 });
    const page = await screen.findByTestId(TestId.leadDetail);

    expect(within(page).getByTestId(TestId.detailTitle)).toHaveTextContent('Nhà máy đóng gói chip tại Hòa Lạc');
    expect(within(page).getByTestId(TestId.leadOrganization)).toHaveAttribute('href', '#/contacts/organizations/8');
    expect(within(page).getByTestId(TestId.leadOrganization)).toHaveTextContent('Công ty TNHH Bán dẫn Seoul');
    expect(within(page).getByTestId(TestId.leadStageShown)).toHaveTextContent('Khảo sát thực địa');
    expect(within(page).getByTestId(TestId.leadStage)).toHaveValue('site_visit');
    expect(page).toHaveTextContent('Bán dẫn');
    expect(page).toHaveTextContent(/250\.000\.000\sUSD/);
    expect(page).toHaveTextContent('1.200');
    expect(page).toHaveTextContent('Lê Hà');
    expect(page).toHaveTextContent('Gửi hồ sơ khu đất');
    expect(page).toHaveTextContent('Ưu tiên khu công nghệ cao');
    expect(within(page).getByTestId(TestId.leadDue)).toHaveTextContent('Quá hạn');
    expect(within(page).getByTestId(TestId.leadOnBoard)).toHaveAttribute('href', '#/pipeline?lead=6');
    expect(within(page).getByTestId(TestId.edit)).toHaveAttribute('href', '#/pipeline/leads/6/edit');

    // The interactions with its organisation (an interaction names no lead), and its own history.
    expect(await within(page).findByTestId(TestId.interactionItem)).toHaveTextContent('Gặp tại KOTRA');
    const interactions = callsOf(calls, 'list_records').filter((c) => c.kind === 'interactions');
    expect((interactions[0].query as ListQuery).filters).toEqual([{ field: 'organization_id', value: '8' }]);
    await waitFor(() => expect(callsOf(calls, 'record_audit')).toEqual([{ kind: 'leads', id: 6 }]));
  });

  it('moves the lead to another stage, asking why when it is lost, and reads its history again', async () => {
    const calls = core();
    render(LeadDetail, { id: 6 });
    const stage = await screen.findByTestId(TestId.leadStage);

    await fireEvent.change(stage, { target: { value: 'mou' } });
    await waitFor(() => expect(screen.getByTestId(TestId.leadStageShown)).toHaveTextContent('Đã ký MoU'));
    expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'leads', id: 6, patch: { stage: 'mou' } }]);
    await waitFor(() => expect(callsOf(calls, 'record_audit')).toHaveLength(2));

    // "Lost" asks for the reason first; without one the core refuses, next to the reason.
    await fireEvent.change(screen.getByTestId(TestId.leadStage), { target: { value: 'lost' } });
    expect(callsOf(calls, 'update_record')).toHaveLength(1);
    expect(screen.getByTestId(TestId.leadStage)).toHaveValue('mou');
    await fireEvent.click(screen.getByTestId(TestId.lostConfirm));
    expect(await screen.findByTestId(testIdOf('error', 'lost_reason'))).toHaveTextContent('Cần nêu lý do');
    await fireEvent.input(screen.getByTestId(TestId.lostReason), { target: { value: 'Nhà đầu tư chọn Indonesia' } });
    await fireEvent.click(screen.getByTestId(TestId.lostConfirm));
    await waitFor(() => expect(screen.getByTestId(TestId.leadStageShown)).toHaveTextContent('Không thành công'));
    expect(callsOf(calls, 'update_record').at(-1)).toEqual({
      kind: 'leads',
      id: 6,
      patch: { stage: 'lost', lost_reason: 'Nhà đầu tư chọn Indonesia' },
    });
    expect(screen.queryByTestId(TestId.lostPrompt)).toBeNull();
    expect(screen.getByTestId(TestId.leadDetail)).toHaveTextContent('Nhà đầu tư chọn Indonesia');
    // A lost lead is not overdue.
    expect(screen.getByTestId(TestId.leadDue)).not.toHaveTextContent('Quá hạn');
  });

  it('reads in English too', async () => {
    setLanguage('en');
    core();
    render(LeadDetail, { id: 6 });
    const page = await screen.findByTestId(TestId.leadDetail);
    expect(within(page).getByTestId(TestId.leadStageShown)).toHaveTextContent('Site visit');
    expect(within(page).getByTestId(TestId.leadDue)).toHaveTextContent('Overdue');
    expect(page).toHaveTextContent('Semiconductors');
  });
});

describe('Lead form', () => {
  it('sends only what changed, the capital in minor units, then opens the lead', async () => {
    const calls = core();
    render(LeadForm, { id: 6 });
    const form = await screen.findByTestId(TestId.leadForm);
    const input = (name: string) => form.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
    expect(input('title')).toHaveValue('Nhà máy đóng gói chip tại Hòa Lạc');
    expect(input('expected_capital_minor')).toHaveValue('250000000.00');
    // Its organisation is shown, and stays: an edit never sends it.
    await waitFor(() => expect(within(form).getByTestId(TestId.leadFormOrganization)).toHaveValue('Công ty TNHH Bán dẫn Seoul'));

    await fireEvent.input(input('expected_capital_minor'), { target: { value: '300000000' } });
    await fireEvent.input(input('next_action'), { target: { value: 'Hẹn khảo sát lần hai' } });
    await fireEvent.submit(form);
    await waitFor(() =>
      expect(callsOf(calls, 'update_record')).toEqual([
        { kind: 'leads', id: 6, patch: { expected_capital_minor: 300_000_000_00, next_action: 'Hẹn khảo sát lần hai', revision: 1 } },
      ]),
    );
    await waitFor(() => expect(router.path).toBe('/pipeline/leads/6'));
  });

  it('refuses an amount it cannot read, next to the field, and sends nothing', async () => {
    const calls = core();
    render(LeadForm, { id: 6 });
    const form = await screen.findByTestId(TestId.leadForm);
    await fireEvent.input(form.querySelector('[name="expected_capital_minor"]')!, { target: { value: '12abc' } });
    await fireEvent.submit(form);
    expect(await screen.findByTestId(testIdOf('error', 'expected_capital_minor'))).toHaveTextContent('Số tiền không hợp lệ');
    expect(callsOf(calls, 'update_record')).toEqual([]);
  });
});
