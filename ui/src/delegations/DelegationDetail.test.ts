import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ItineraryItem, ListQuery, Member, Stored } from '../lib/bindings.gen';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, listOf, storedDelegation, storedMeta } from '../test-ipc';
import DelegationDetail from './DelegationDetail.svelte';

const delegation = storedDelegation(5, {
  title: 'Đoàn xúc tiến đầu tư tại Nhật Bản',
  budget_minor: 1_500_000_000,
  budget_currency: 'VND',
  sectors: ['bán dẫn', 'logistics'],
});

const members: Stored<Member>[] = [
  {
    ...storedMeta(11),
    delegation_id: 5,
    contact_id: null,
    staff_name: 'Trần Văn Minh',
    role: 'head',
    passport_number: null,
    passport_expiry: '2030-01-31',
    visa_status: 'issued',
    dietary_notes: null,
    protocol_notes: null,
  },
];

const itinerary: Stored<ItineraryItem>[] = [
  {
    ...storedMeta(21),
    delegation_id: 5,
    kind: 'meeting',
    title: 'Làm việc với JETRO',
    starts_at: '2026-03-12T01:00:00Z',
    ends_at: '2026-03-12T02:30:00Z',
    time_zone: 'Asia/Tokyo',
    end_time_zone: null,
    venue: 'JETRO Tokyo',
    address: null,
    organization_id: null,
    counsellor_id: null,
    contact_ids: [],
    attendee_ids: [],
    notes: null,
  },
];

describe('DelegationDetail', () => {
  it('shows the fields, the members and the itinerary in local and Hanoi time', async () => {
    const calls = fakeCore({
      get_record: () => delegation,
      list_records: listOf({ members, 'itinerary-items': itinerary }),
      record_audit: () => [],
    });
    render(DelegationDetail, { id: 5 });

    expect(await screen.findByTestId('detail-title')).toHaveTextContent('Đoàn xúc tiến đầu tư tại Nhật Bản');
    expect(screen.getByTestId('delegation-detail')).toHaveTextContent('12/03/2026');
    expect(screen.getByText(/^1\.500\.000\.000\sVND$/)).toBeInTheDocument();

    const member = await screen.findByTestId('member-row');
    expect(within(member).getByText('Trần Văn Minh')).toBeInTheDocument();
    expect(within(member).getByText('Trưởng đoàn')).toBeInTheDocument();

    const item = await screen.findByTestId('itinerary-item');
    expect(within(item).getByTestId('itinerary-local')).toHaveTextContent('10:00 12/03/2026 – 11:30');
    expect(within(item).getByTestId('itinerary-local')).toHaveTextContent('Asia/Tokyo');
    expect(within(item).getByTestId('itinerary-hanoi')).toHaveTextContent('08:00 12/03/2026 – 09:30');

    for (const kind of ['members', 'itinerary-items']) {
      const query = callsOf(calls, 'list_records').find((a) => a.kind === kind)!.query as ListQuery;
      expect(query.filters).toEqual([{ field: 'delegation_id', value: '5' }]);
    }
  });

  it('deletes only after confirmation, then returns to the list', async () => {
    const calls = fakeCore({
      get_record: () => delegation,
      list_records: listOf({}),
      record_audit: () => [],
      delete_record: () => null,
    });
    render(DelegationDetail, { id: 5 });
    await screen.findByTestId('detail-title');

    await fireEvent.click(screen.getByTestId('delete'));
    expect(callsOf(calls, 'delete_record')).toHaveLength(0);
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Xoá đoàn «Đoàn xúc tiến đầu tư tại Nhật Bản»?');

    await fireEvent.click(screen.getByTestId('confirm-delete'));
    await waitFor(() => expect(callsOf(calls, 'delete_record')).toEqual([{ kind: 'delegations', id: 5 }]));
    await waitFor(() => expect(router.path).toBe('/delegations'));
  });
});
