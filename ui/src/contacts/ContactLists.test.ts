// The organisation and people lists with a contact book of 100 000 records: the core sorts and
// pages, the screen holds only the rows in view (virtualised), reads the pages where the list is
// scrolled to, and the keyboard opens the active row. (jsdom has no layout: the list's fallback
// sizes, 36 px rows in 540 px, put 15 rows in view and 5 more on each side.)
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, storedContact, storedOrganization, type Call } from '../test-ipc';
import OrganizationList from './OrganizationList.svelte';
import PersonList from './PersonList.svelte';
import { TestId } from '../lib/test-ids';

const TOTAL = 100_000;
const ROW = 36;

/** A `list_records` handler making up the requested page of a 100 000-record book. */
function hugeBook(kind: 'organizations' | 'contacts') {
  return (args: Record<string, unknown>) => {
    const query = args.query as ListQuery;
    const count = Math.max(0, Math.min(query.limit ?? TOTAL, TOTAL - query.offset));
    const items = Array.from({ length: count }, (_, i) => {
      const n = query.offset + i + 1;
      return kind === 'organizations'
        ? storedOrganization(n, `Tổ chức số ${n}`)
        : storedContact(n, `Người số ${n}`, { organization_id: (n % 7) + 1 });
    });
    return { items, total: TOTAL, offset: query.offset, limit: query.limit };
  };
}

const queries = (calls: Call[]) => callsOf(calls, 'list_records').map((a) => a.query as ListQuery);
const offsets = (calls: Call[]) => queries(calls).map((q) => q.offset);

async function scrollToRow(index: number) {
  const grid = screen.getByRole('grid');
  grid.scrollTop = index * ROW;
  await fireEvent.scroll(grid);
}

describe('Lists of 100 000 records', () => {
  it('organisations: only the rows in view, read 50 at a time where the list is scrolled to', async () => {
    const calls = fakeCore({ list_records: hugeBook('organizations') });
    render(OrganizationList);

    await waitFor(() => expect(screen.getAllByTestId(TestId.organizationRow)).toHaveLength(20));
    expect(queries(calls)).toEqual([expect.objectContaining({ limit: 50, offset: 0, sort: 'name_vi', descending: false })]);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 100.000');
    const grid = screen.getByRole('grid', { name: 'Tổ chức' });
    expect(grid).toHaveAttribute('aria-rowcount', String(TOTAL + 1));
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Tên', 'Loại tổ chức', 'Quốc gia', 'Thành phố', 'Lĩnh vực', 'Quy mô',
    ]);
    const first = screen.getAllByTestId(TestId.organizationRow)[0];
    expect(within(first).getByRole('link', { name: 'Tổ chức số 1' })).toHaveAttribute('href', '#/contacts/organizations/1');
    // No pager: the scroll bar reaches every row.
    expect(screen.queryByRole('button', { name: /trang/i })).toBeNull();

    await scrollToRow(60_000);
    await waitFor(() => expect(screen.getAllByTestId(TestId.organizationRow)[5]).toHaveTextContent('Tổ chức số 60001'));
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('60.001–60.015 trên 100.000');
    expect(offsets(calls)).toEqual([0, 59_950, 60_000]);
    expect(screen.getAllByTestId(TestId.organizationRow).length).toBeLessThanOrEqual(25);
    // Each read is one page: nothing asks for the whole book.
    expect(queries(calls).every((q) => q.limit === 50)).toBe(true);

    // Another sort starts over from the top with the core's new order.
    await fireEvent.change(screen.getByLabelText('Sắp xếp theo'), { target: { value: 'country' } });
    await waitFor(() => expect(queries(calls).at(-1)).toMatchObject({ sort: 'country', offset: 0, limit: 50 }));
    await waitFor(() => expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 100.000'));
    await fireEvent.click(screen.getByLabelText('Giảm dần'));
    await waitFor(() => expect(queries(calls).at(-1)).toMatchObject({ sort: 'country', descending: true, offset: 0 }));

    setLanguage('en');
    await waitFor(() => expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 of 100,000'));
  });

  it('organisations: by name is by the name shown, the English one in English where there is one', async () => {
    setLanguage('en');
    const calls = fakeCore({ list_records: hugeBook('organizations') });
    render(OrganizationList);
    await waitFor(() => expect(screen.getAllByTestId(TestId.organizationRow)).toHaveLength(20));
    expect(queries(calls)[0]).toMatchObject({ sort: 'name_en', sort_else: 'name_vi', descending: false, offset: 0 });
    expect(screen.getByLabelText('Sort by')).toHaveDisplayValue('Name');

    // In Vietnamese the Vietnamese name is shown, and sorted by.
    setLanguage('vi');
    await waitFor(() => expect(queries(calls).at(-1)).toMatchObject({ sort: 'name_vi', sort_else: null, offset: 0 }));
  });

  it('organisations: the keyboard moves through the list and Enter opens the active one', async () => {
    const calls = fakeCore({ list_records: hugeBook('organizations') });
    render(OrganizationList);
    await waitFor(() => expect(screen.getAllByTestId(TestId.organizationRow)).toHaveLength(20));
    const grid = screen.getByRole('grid');
    const active = () => document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    grid.focus();

    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(active()).toHaveTextContent('Tổ chức số 3');
    await fireEvent.keyDown(grid, { key: 'End' });
    await waitFor(() => expect(active()).toHaveTextContent('Tổ chức số 100000'));
    expect(offsets(calls)).toEqual([0, 99_950]);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('99.986–100.000 trên 100.000');

    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(router.path).toBe('/contacts/organizations/100000');
  });

  it('people: rows with their organisation, each organisation read once across pages', async () => {
    const calls = fakeCore({
      list_records: hugeBook('contacts'),
      get_record: (args) => storedOrganization(Number(args.id), `Tổ chức số ${String(args.id)}`),
    });
    render(PersonList);

    await waitFor(() => expect(screen.getAllByTestId(TestId.personRow)).toHaveLength(20));
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 100.000');
    const row = screen.getAllByTestId(TestId.personRow)[0];
    expect(within(row).getByRole('link', { name: 'Người số 1' })).toHaveAttribute('href', '#/contacts/people/1');
    expect(within(row).getByRole('link', { name: 'Tổ chức số 2' })).toHaveAttribute('href', '#/contacts/organizations/2');
    expect(callsOf(calls, 'get_record')).toHaveLength(7);

    // Two pages read at once (rows 59 995 … 60 019) name the same seven organisations: none read again.
    await scrollToRow(60_000);
    await waitFor(() => expect(screen.getAllByTestId(TestId.personRow)).toHaveLength(25));
    expect(offsets(calls)).toEqual([0, 59_950, 60_000]);
    expect(callsOf(calls, 'get_record')).toHaveLength(7);

    const grid = screen.getByRole('grid', { name: 'Người liên hệ' });
    grid.focus();
    await fireEvent.keyDown(grid, { key: 'End' });
    await waitFor(() => expect(screen.getAllByTestId(TestId.personRow).at(-1)).toHaveTextContent('Người số 100000'));
    expect(queries(calls).at(-1)).toMatchObject({ limit: 50, offset: 99_950, sort: 'full_name' });
    expect(callsOf(calls, 'get_record')).toHaveLength(7);
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(router.path).toBe('/contacts/people/100000');
  });
});
