import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../lib/bindings.gen';
import { callsOf, fakeCore, listOf, storedDelegation } from '../test-ipc';
import DelegationList from './DelegationList.svelte';

const rows = [
  storedDelegation(1, { title: 'Đoàn xúc tiến tại Tokyo', status: 'approved' }),
  storedDelegation(2, {
    title: 'Đoàn Samsung thăm Hòa Lạc',
    kind: 'inbound',
    status: 'draft',
    destination_country: 'VN',
    destination_city: 'Hà Nội',
    start_date: '2026-11-27',
    end_date: '2026-11-28',
  }),
];

describe('DelegationList', () => {
  it('renders one row per delegation from list_records', async () => {
    fakeCore({ list_records: listOf({ delegations: rows }) });
    render(DelegationList);

    const found = await screen.findAllByTestId('delegation-row');
    expect(found).toHaveLength(2);
    const second = within(found[1]);
    expect(second.getByText('Đoàn Samsung thăm Hòa Lạc')).toHaveAttribute('href', '#/delegations/2');
    expect(second.getByText('Đoàn vào')).toBeInTheDocument();
    expect(second.getByText('Dự thảo')).toBeInTheDocument();
    expect(second.getByText('Hà Nội, VN')).toBeInTheDocument();
    expect(second.getByText('27/11/2026 – 28/11/2026')).toBeInTheDocument();
    expect(screen.getByTestId('new-delegation')).toBeInTheDocument();
  });

  it('filters by status and kind through ListQuery filters, from the first page', async () => {
    const calls = fakeCore({ list_records: listOf({ delegations: rows }) });
    render(DelegationList);
    await screen.findAllByTestId('delegation-row');

    await fireEvent.change(screen.getByLabelText('Trạng thái'), { target: { value: 'approved' } });
    await fireEvent.change(screen.getByLabelText('Loại đoàn'), { target: { value: 'outbound' } });

    await waitFor(() => {
      const last = callsOf(calls, 'list_records').at(-1)!;
      const query = last.query as ListQuery;
      expect(last.kind).toBe('delegations');
      expect(query.filters).toEqual([
        { field: 'status', value: 'approved' },
        { field: 'kind', value: 'outbound' },
      ]);
      expect(query.offset).toBe(0);
      expect(query.limit).toBe(20);
    });
  });

  it('pages through the list with offset and limit', async () => {
    const many = Array.from({ length: 25 }, (_, i) => storedDelegation(i + 1, { title: `Đoàn số ${i + 1}` }));
    const calls = fakeCore({ list_records: listOf({ delegations: many }) });
    render(DelegationList);
    expect(await screen.findAllByTestId('delegation-row')).toHaveLength(20);
    expect(screen.getByText('1–20 trên 25')).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));

    await waitFor(() => expect(screen.getAllByTestId('delegation-row')).toHaveLength(5));
    expect(screen.getByText('Đoàn số 21')).toBeInTheDocument();
    expect((callsOf(calls, 'list_records').at(-1)!.query as ListQuery).offset).toBe(20);
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();
  });
});
