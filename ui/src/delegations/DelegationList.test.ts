import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../lib/bindings.gen';
import { lastList, router } from '../lib/router.svelte';
import { callsOf, fakeCore, listOf, storedCounsellor, storedDelegation, type Call } from '../test-ipc';
import DelegationList from './DelegationList.svelte';
import { TestId } from '../lib/test-ids';

const ROW = 36;
const many = Array.from({ length: 25 }, (_, i) => storedDelegation(i + 1, { title: `Đoàn số ${i + 1}` }));
const queries = (calls: Call[]) =>
  callsOf(calls, 'list_records')
    .filter((a) => a.kind === 'delegations')
    .map((a) => a.query as ListQuery);

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

    const found = await screen.findAllByTestId(TestId.delegationRow);
    expect(found).toHaveLength(2);
    const second = within(found[1]);
    expect(second.getByText('Đoàn Samsung thăm Hòa Lạc')).toHaveAttribute('href', '#/delegations/2');
    expect(second.getByText('Đoàn vào')).toBeInTheDocument();
    expect(second.getByText('Dự thảo')).toBeInTheDocument();
    expect(second.getByText('Hà Nội, VN')).toBeInTheDocument();
    expect(second.getByText('27/11/2026 – 28/11/2026')).toBeInTheDocument();
    expect(screen.getByTestId(TestId.newDelegation)).toBeInTheDocument();
  });

  it('filters by status and kind through ListQuery filters, from the first page', async () => {
    const calls = fakeCore({ list_records: listOf({ delegations: rows }) });
    render(DelegationList);
    await screen.findAllByTestId(TestId.delegationRow);

    await fireEvent.change(screen.getByLabelText('Trạng thái'), { target: { value: 'approved' } });
    await fireEvent.change(screen.getByLabelText('Loại đoàn'), { target: { value: 'outbound' } });

    await waitFor(() => {
      const last = callsOf(calls, 'list_records').filter((a) => a.kind === 'delegations').at(-1)!;
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

  it('combines status, year, country, kind and counsellor filters; the year is a prefix of the start date', async () => {
    const calls = fakeCore({
      list_records: listOf({ delegations: rows, counsellors: [storedCounsellor(3), storedCounsellor(4, { full_name: 'Phạm Minh Quân' })] }),
    });
    render(DelegationList);
    await screen.findAllByTestId(TestId.delegationRow);
    await screen.findByRole('option', { name: 'Phạm Minh Quân' });

    await fireEvent.change(screen.getByTestId(TestId.filterStatus), { target: { value: 'confirmed' } });
    await fireEvent.input(screen.getByTestId(TestId.filterYear), { target: { value: '202' } });
    await fireEvent.input(screen.getByTestId(TestId.filterCountry), { target: { value: 'j' } });
    // Half-typed year and country do not filter yet.
    let last = callsOf(calls, 'list_records').filter((a) => a.kind === 'delegations').at(-1)!.query as ListQuery;
    expect(last.filters).toEqual([{ field: 'status', value: 'confirmed' }]);

    await fireEvent.input(screen.getByTestId(TestId.filterYear), { target: { value: '2027' } });
    await fireEvent.input(screen.getByTestId(TestId.filterCountry), { target: { value: 'jp' } });
    await fireEvent.change(screen.getByTestId(TestId.filterKind), { target: { value: 'outbound' } });
    await fireEvent.change(screen.getByTestId(TestId.filterCounsellor), { target: { value: '4' } });

    await waitFor(() => {
      last = callsOf(calls, 'list_records').filter((a) => a.kind === 'delegations').at(-1)!.query as ListQuery;
      expect(last.filters).toEqual([
        { field: 'status', value: 'confirmed' },
        { field: 'kind', value: 'outbound' },
        { field: 'destination_country', value: 'JP' },
        { field: 'counsellor_id', value: '4' },
        { field: 'start_date', value: '2027', op: 'prefix' },
      ]);
      expect(last.offset).toBe(0);
      expect(last.limit).toBe(20);
    });

    await fireEvent.click(screen.getByTestId(TestId.filterClear));
    await waitFor(() => {
      last = callsOf(calls, 'list_records').filter((a) => a.kind === 'delegations').at(-1)!.query as ListQuery;
      expect(last.filters).toEqual([]);
    });
  });

  it('keeps its filters in the address, and starts from them', async () => {
    router.path = '/delegations?status=draft&year=2026';
    const calls = fakeCore({ list_records: listOf({ delegations: rows }) });
    render(DelegationList);
    await screen.findAllByTestId(TestId.delegationRow);
    expect(screen.getByTestId(TestId.filterStatus)).toHaveValue('draft');
    expect(screen.getByTestId(TestId.filterYear)).toHaveValue('2026');
    const first = callsOf(calls, 'list_records').find((a) => a.kind === 'delegations')!.query as ListQuery;
    expect(first.filters).toEqual([
      { field: 'status', value: 'draft' },
      { field: 'start_date', value: '2026', op: 'prefix' },
    ]);

    await fireEvent.change(screen.getByTestId(TestId.filterKind), { target: { value: 'inbound' } });
    await waitFor(() => expect(router.path).toBe('/delegations?status=draft&kind=inbound&year=2026'));
    expect(location.hash).toBe('#/delegations?status=draft&kind=inbound&year=2026');
  });

  it('reads the list 20 at a time as it scrolls, and keeps where it was left in the address', async () => {
    router.path = '/delegations';
    const calls = fakeCore({ list_records: listOf({ delegations: many }) });
    render(DelegationList);
    // jsdom has no layout: the list's 36 px rows in 540 px put 15 rows in view and 5 more below.
    expect(await screen.findAllByTestId(TestId.delegationRow)).toHaveLength(20);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 25');
    expect(screen.queryByText('Đoàn số 21')).toBeNull();

    const grid = screen.getByRole('grid', { name: 'Đoàn' });
    grid.scrollTop = 10 * ROW;
    await fireEvent.scroll(grid);

    await waitFor(() => expect(screen.getByText('Đoàn số 21')).toBeInTheDocument());
    expect(screen.getByText('Đoàn số 25')).toBeInTheDocument();
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('11–25 trên 25');
    expect(queries(calls).map((q) => [q.offset, q.limit])).toEqual([[0, 20], [20, 20]]);
    await waitFor(() => expect(router.path).toBe('/delegations?offset=10'));
    expect(lastList.delegations).toBe('/delegations?offset=10');

    // A new filter starts again at the top.
    await fireEvent.change(screen.getByTestId(TestId.filterStatus), { target: { value: 'approved' } });
    await waitFor(() => expect(router.path).toBe('/delegations?status=approved'));
    expect(queries(calls).at(-1)).toMatchObject({ offset: 0, limit: 20 });
    await waitFor(() => expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 25'));
  });

  it('starts at the row the address says it was left at, and opens the active row with Enter', async () => {
    router.path = '/delegations?offset=10';
    const calls = fakeCore({ list_records: listOf({ delegations: many }) });
    render(DelegationList);

    await waitFor(() => expect(screen.getByText('Đoàn số 21')).toBeInTheDocument());
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('11–25 trên 25');
    expect(queries(calls).map((q) => q.offset)).toEqual([0, 20]);

    const grid = screen.getByRole('grid', { name: 'Đoàn' });
    grid.focus();
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(router.path).toBe('/delegations/12');
  });
});
