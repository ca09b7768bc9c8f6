// The interaction timeline and the "log interaction" form, on a Hanoi clock (UTC+7).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Interaction, ListQuery } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import PersonDetail from '../contacts/PersonDetail.svelte';
import OrganizationDetail from '../contacts/OrganizationDetail.svelte';
import { router } from '../lib/router.svelte';
import {
  callsOf,
  fakeCore,
  invalidPayload,
  listOf,
  storedContact,
  storedDelegation,
  storedInteraction,
  storedLead,
  storedMeta,
  storedOrganization,
  useTimeZone,
} from '../test-ipc';
import { TestId, testIdOf } from '../lib/test-ids';

useTimeZone('Asia/Ho_Chi_Minh');

const org = storedOrganization(8, 'Công ty TNHH Bán dẫn Seoul', { name_en: 'Seoul Semiconductor Co.' });
const kim = storedContact(15, 'Kim Min-jun', { organization_id: 8, title: 'Giám đốc' });
const lee = storedContact(16, 'Lee Soo-ah', { organization_id: 8 });
const delegation = storedDelegation(5, { title: 'Đoàn xúc tiến tại Hàn Quốc' });

// Deliberately not in order: the timeline shows the newest first.
const INTERACTIONS = [
  storedInteraction(40, '2026-02-10T03:00:00Z', 'Gặp tại KOTRA, quan tâm khu công nghệ cao', {
    contact_ids: [15, 16],
    delegation_id: 5,
    itinerary_item_id: 77,
  }),
  storedInteraction(41, '2026-03-01T20:05:00Z', 'Gọi điện hẹn khảo sát', { kind: 'call', contact_ids: [15] }),
  storedInteraction(42, '2026-01-05T09:00:00Z', 'Gửi hồ sơ khu đất', { kind: 'email', notes: 'Kèm bản đồ\nvà bảng giá' }),
];

function orgCore(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeCore({
    get_record: (args) => {
      switch (args.kind) {
        case 'organizations':
          return org;
        case 'delegations':
          return delegation;
        case 'itinerary-items':
          return { ...storedMeta(77), delegation_id: 5, title: 'Gặp KOTRA Seoul' };
        case 'contacts':
          return args.id === 15 ? kim : lee;
        default:
          throw new Error(`unexpected ${String(args.kind)}`);
      }
    },
    list_records: listOf({
      contacts: [kim, lee],
      leads: [storedLead(30, 'Nhà máy đóng gói chip', { owner: 'Lê Hà', next_action: 'Gửi hồ sơ' })],
      interactions: INTERACTIONS,
      delegations: [delegation],
      'itinerary-items': [
        { ...storedMeta(77), delegation_id: 5, title: 'Gặp KOTRA Seoul', starts_at: '2027-03-09T01:00:00Z', time_zone: 'Asia/Seoul' },
        { ...storedMeta(78), delegation_id: 5, title: 'Thăm nhà máy Samsung', starts_at: '2027-03-10T05:30:00Z', time_zone: 'Asia/Seoul' },
      ],
    }),
    record_audit: () => [],
    ...extra,
  });
}

describe('Interaction timeline', () => {
  it('lists an organisation’s interactions newest first, in local time, with attendees and links', async () => {
    const calls = orgCore();
    render(OrganizationDetail, { id: 8 });

    const timeline = await screen.findByTestId(TestId.interactionTimeline);
    const items = within(timeline).getAllByTestId(TestId.interactionItem);
    expect(items.map((i) => i.dataset.interactionId)).toEqual(['41', '40', '42']);

    // 2026-03-01 20:05 UTC is 03:05 on 2 March in Hanoi.
    expect(within(items[0]).getByTestId(TestId.interactionWhen)).toHaveTextContent('02/03/2026 03:05');
    expect(within(items[0]).getByTestId(TestId.interactionKind)).toHaveTextContent('Điện thoại');
    expect(within(items[1]).getByTestId(TestId.interactionWhen)).toHaveTextContent('10/02/2026 10:00');
    expect(within(items[1]).getByTestId(TestId.interactionSummary)).toHaveTextContent('Gặp tại KOTRA');
    expect(within(items[1]).getByTestId(TestId.interactionAttendees)).toHaveTextContent('Kim Min-jun, Lee Soo-ah');
    expect(within(items[1]).getByRole('link', { name: 'Kim Min-jun' })).toHaveAttribute('href', '#/contacts/people/15');
    await waitFor(() =>
      expect(within(items[1]).getByTestId(TestId.interactionDelegation)).toHaveTextContent('Đoàn: Đoàn xúc tiến tại Hàn Quốc'),
    );
    expect(within(items[1]).getByTestId(TestId.interactionDelegation)).toHaveAttribute('href', '#/delegations/5');
    await waitFor(() =>
      expect(within(items[1]).getByTestId(TestId.interactionItineraryItem)).toHaveTextContent('Mục lịch trình: Gặp KOTRA Seoul'),
    );
    expect(within(items[1]).getByTestId(TestId.interactionItineraryItem)).toHaveAttribute(
      'href',
      '#/delegations/5/itinerary?item=77',
    );
    expect(items[2]).toHaveTextContent('Kèm bản đồ');

    const query = callsOf(calls, 'list_records').find((a) => a.kind === 'interactions')!.query as ListQuery;
    expect(query).toMatchObject({
      filters: [{ field: 'organization_id', value: '8' }],
      sort: 'occurred_at',
      descending: true,
      limit: 50,
      offset: 0,
    });

    setLanguage('en');
    await waitFor(() => expect(within(items[0]).getByTestId(TestId.interactionWhen)).toHaveTextContent('2 Mar 2026, 03:05'));
    expect(within(items[0]).getByTestId(TestId.interactionKind)).toHaveTextContent('Call');
  });

  it('lists the organisation’s leads with a way to the pipeline, pointing at the one searched for', async () => {
    orgCore();
    router.path = '/contacts/organizations/8?lead=30&interaction=40';
    render(OrganizationDetail, { id: 8 });

    const lead = await screen.findByTestId(TestId.organizationLead);
    expect(lead).toHaveClass('focused');
    expect(within(lead).getByTestId(TestId.organizationLeadPipeline)).toHaveAttribute('href', '#/pipeline?lead=30');
    expect(lead).toHaveTextContent('Gửi hồ sơ');
    expect(screen.getByTestId(TestId.organizationPipeline)).toHaveAttribute('href', '#/pipeline');
    const items = await screen.findAllByTestId(TestId.interactionItem);
    expect(items.find((i) => i.dataset.interactionId === '40')).toHaveClass('focused');
  });

  it('logs an interaction: local date-time sent as UTC, attendees, delegation and its itinerary item; then shows it', async () => {
    const created: Interaction[] = [];
    const calls = orgCore({
      create_record: (args) => {
        const data = args.data as Interaction;
        created.push(data);
        INTERACTIONS.push(storedInteraction(50, data.occurred_at, data.summary, data));
        return { ...storedMeta(50), ...data };
      },
    });
    render(OrganizationDetail, { id: 8 });
    await screen.findByTestId(TestId.interactionTimeline);

    await fireEvent.click(screen.getByTestId(TestId.logInteraction));
    const form = screen.getByTestId(TestId.interactionForm);
    await within(form).findByRole('option', { name: /Đoàn xúc tiến tại Hàn Quốc/ });
    await fireEvent.change(within(form).getByTestId(TestId.interactionKindSelect), { target: { value: 'site_visit' } });
    await fireEvent.input(within(form).getByTestId(TestId.interactionWhenInput), { target: { value: '2026-03-02T09:30' } });
    await fireEvent.input(within(form).getByTestId(TestId.interactionSummaryInput), {
      target: { value: 'Khảo sát Khu CNC Hòa Lạc' },
    });
    await fireEvent.input(within(form).getByTestId(TestId.interactionNotesInput), { target: { value: 'Cần bản đồ' } });
    const attendees = within(form).getAllByTestId(TestId.interactionAttendee);
    expect(attendees.map((a) => a.parentElement?.textContent?.trim())).toEqual(['Kim Min-jun — Giám đốc', 'Lee Soo-ah']);
    await fireEvent.click(attendees[1]);
    expect(within(form).queryByTestId(TestId.interactionItemSelect)).toBeNull();
    await fireEvent.change(within(form).getByTestId(TestId.interactionDelegationSelect), { target: { value: '5' } });
    // The delegation's programme is read, in order, each item at its own local time (Seoul).
    const itemSelect = await within(form).findByTestId(TestId.interactionItemSelect);
    expect(callsOf(calls, 'list_records').find((c) => c.kind === 'itinerary-items')?.query).toMatchObject({
      filters: [{ field: 'delegation_id', value: '5' }],
      sort: 'starts_at',
    });
    expect(within(itemSelect).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Không gắn với mục nào của lịch trình',
      '10:00 09/03/2027 — Gặp KOTRA Seoul',
      '14:30 10/03/2027 — Thăm nhà máy Samsung',
    ]);
    await fireEvent.change(itemSelect, { target: { value: '78' } });
    await fireEvent.click(within(form).getByTestId(TestId.interactionSave));

    await waitFor(() => expect(created).toHaveLength(1));
    expect(callsOf(calls, 'create_record')[0].kind).toBe('interactions');
    expect(created[0]).toEqual({
      occurred_at: '2026-03-02T02:30:00Z',
      kind: 'site_visit',
      summary: 'Khảo sát Khu CNC Hòa Lạc',
      organization_id: 8,
      contact_ids: [16],
      delegation_id: 5,
      itinerary_item_id: 78,
      notes: 'Cần bản đồ',
    });
    await waitFor(() => expect(screen.queryByTestId(TestId.interactionForm)).toBeNull());
    await waitFor(() => expect(screen.getAllByTestId(TestId.interactionItem)[0].dataset.interactionId).toBe('50'));
    const first = screen.getAllByTestId(TestId.interactionItem)[0];
    expect(first).toHaveClass('focused');
    expect(within(first).getByTestId(TestId.interactionWhen)).toHaveTextContent('02/03/2026 09:30');
    INTERACTIONS.pop();
  });

  it('shows the core’s field errors next to their fields, and a missing date-time before sending', async () => {
    const calls = orgCore({
      create_record: () => {
        throw invalidPayload([
          { field: 'summary', code: 'required', message_vi: 'Trường này là bắt buộc', message_en: 'This field is required' },
        ]);
      },
    });
    render(OrganizationDetail, { id: 8 });
    await screen.findByTestId(TestId.interactionTimeline);
    await fireEvent.click(screen.getByTestId(TestId.logInteraction));
    const form = screen.getByTestId(TestId.interactionForm);

    await fireEvent.input(within(form).getByTestId(TestId.interactionWhenInput), { target: { value: '' } });
    await fireEvent.click(within(form).getByTestId(TestId.interactionSave));
    expect(await within(form).findByTestId(testIdOf('error', 'occurred_at'))).toHaveTextContent('Trường này là bắt buộc');
    expect(callsOf(calls, 'create_record')).toHaveLength(0);

    await fireEvent.input(within(form).getByTestId(TestId.interactionWhenInput), { target: { value: '2026-03-02T09:30' } });
    await fireEvent.click(within(form).getByTestId(TestId.interactionSave));
    const error = await within(form).findByTestId(testIdOf('error', 'summary'));
    expect(error).toHaveTextContent('Trường này là bắt buộc');
    expect(within(form).getByTestId(TestId.interactionSummaryInput).closest('.field')).toContainElement(error);
    expect(within(form).queryByTestId(testIdOf('error', 'occurred_at'))).toBeNull();
  });

  it('on a person’s page lists the interactions they attended, and ticks them in a new one', async () => {
    const calls = orgCore();
    render(PersonDetail, { id: 15 });
    await screen.findByTestId(TestId.interactionTimeline);

    const query = callsOf(calls, 'list_records').find((a) => a.kind === 'interactions')!.query as ListQuery;
    expect(query.filters).toEqual([{ field: 'contact_ids', value: '15' }]);

    await fireEvent.click(screen.getByTestId(TestId.logInteraction));
    const boxes = within(screen.getByTestId(TestId.interactionForm)).getAllByTestId(TestId.interactionAttendee) as HTMLInputElement[];
    expect(boxes.map((b) => [b.value, b.checked])).toEqual([
      ['15', true],
      ['16', false],
    ]);
  });
});
