// The virtualised list over the fake core's `list_records` with 100 000 (and 1 000 000) records:
// only the rows in view are in the DOM, pages are read where the list is scrolled to and nowhere
// else, answers to a former query are dropped, the keyboard moves and opens the active row, and
// the page cache stays bounded. jsdom has no layout: rows are 36 px, the rows' area 540 px (the
// component's fallbacks), so 15 rows are in view and 5 more are rendered on each side.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { listRecords } from '../api';
import type { ListQuery, Organization, Page, Stored } from '../bindings.gen';
import { setLanguage } from '../i18n/index.svelte';
import { callsOf, deferred, fakeCore, storedOrganization, type Call } from '../../test-ipc';
import { MAX_SCROLL_PX } from '../virtual-window';
import VirtualList from './VirtualList.svelte';
import { TestId } from '../test-ids';

const ROW = 36;
type Org = Stored<Organization>;

/** A `list_records` handler making up the requested page of a book of `total` organisations. */
function book(total: number, prefix = 'Tổ chức số') {
  return (args: Record<string, unknown>) => {
    const query = args.query as ListQuery;
    const count = Math.max(0, Math.min(query.limit ?? total, total - query.offset));
    const items = Array.from({ length: count }, (_, i) => storedOrganization(query.offset + i + 1, `${prefix} ${query.offset + i + 1}`));
    return { items, total, offset: query.offset, limit: query.limit };
  };
}

const header = createRawSnippet(() => ({ render: () => '<div role="columnheader">Tên</div>' }));
const row = createRawSnippet((o: () => Org) => ({ render: () => `<div role="gridcell">${o().name_vi}</div>` }));

function renderList(props: { load?: (offset: number, limit: number) => Promise<Page<Org>>; key?: string } & Record<string, unknown> = {}) {
  return render(VirtualList<Org>, {
    props: {
      load: (offset: number, limit: number) => listRecords('organizations', { sort: 'name_vi', offset, limit }),
      key: 'name_vi',
      label: 'Tổ chức',
      header,
      row,
      rowTestId: 'organization-row',
      ...props,
    },
  });
}

const offsets = (calls: Call[]) => callsOf(calls, 'list_records').map((a) => (a.query as ListQuery).offset);
const rows = () => screen.getAllByTestId(TestId.organizationRow);
const indexes = () => screen.getAllByRole('row').slice(1).map((r) => Number(r.dataset.index));
const spacers = (grid: HTMLElement) => [...grid.querySelectorAll('svg')].map((s) => Number(s.getAttribute('height')));

async function scrollTo(top: number) {
  const grid = screen.getByRole('grid');
  grid.scrollTop = top;
  await fireEvent.scroll(grid);
}

describe('VirtualList', () => {
  it('holds only the rows in view of 100 000 (and a few around them), from one page of the core', async () => {
    const calls = fakeCore({ list_records: book(100_000) });
    renderList();

    await waitFor(() => expect(rows()).toHaveLength(20));
    const grid = screen.getByRole('grid', { name: 'Tổ chức' });
    expect(indexes()).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(rows()[0]).toHaveTextContent('Tổ chức số 1');
    expect(grid).toHaveAttribute('aria-rowcount', '100001');
    expect(rows()[0]).toHaveAttribute('aria-rowindex', '2');
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 100.000');
    // The content is as tall as all the rows: nothing above, the other 99 980 rows below.
    expect(spacers(grid)).toEqual([0, (100_000 - 20) * ROW]);
    await new Promise((r) => setTimeout(r, 100));
    expect(offsets(calls)).toEqual([0]);
    expect(callsOf(calls, 'list_records')[0].query).toMatchObject({ offset: 0, limit: 50 });

    setLanguage('en');
    await waitFor(() => expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 of 100,000'));
  });

  it('scrolled to row 60 000, shows placeholders, then reads only the pages there', async () => {
    const calls = fakeCore({ list_records: book(100_000) });
    renderList();
    await waitFor(() => expect(rows()).toHaveLength(20));

    await scrollTo(60_000 * ROW);
    // Until the pages arrive the rows there are placeholders.
    expect(screen.getAllByTestId(TestId.rowLoading)).toHaveLength(25);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('60.001–60.015 trên 100.000');

    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(screen.queryAllByTestId(TestId.rowLoading)).toHaveLength(0);
    expect(rows()[0]).toHaveTextContent('Tổ chức số 59996');
    expect(rows()[5]).toHaveTextContent('Tổ chức số 60001');
    expect(rows()[5]).toHaveAttribute('aria-rowindex', String(60_000 + 2));
    // Rows 59 995 … 60 019 lie in the pages at 59 950 and 60 000: nothing before them was read.
    expect(offsets(calls)).toEqual([0, 59_950, 60_000]);
    expect(spacers(screen.getByRole('grid'))).toEqual([59_995 * ROW, (100_000 - 60_020) * ROW]);
  });

  it('waits for scrolling to pause before reading, then reads only where it stopped', async () => {
    const calls = fakeCore({ list_records: book(100_000) });
    renderList();
    await waitFor(() => expect(rows()).toHaveLength(20));

    for (const at of [10_000, 20_000, 30_000]) await scrollTo(at * ROW);
    await waitFor(() => expect(rows()).toHaveLength(25));
    expect(rows()[5]).toHaveTextContent('Tổ chức số 30001');
    expect(offsets(calls)).toEqual([0, 29_950, 30_000]);
  });

  it('drops answers to a former query, even when they arrive after the new one', async () => {
    const pending: Record<string, ReturnType<typeof deferred<Page<Org>>>> = {};
    const pageOf = { name_vi: book(100_000, 'Tên'), country: book(100_000, 'Nước') };
    const answer = (sort: 'name_vi' | 'country', offset: number) =>
      pending[`${sort}@${offset}`].resolve(pageOf[sort]({ query: { sort, offset, limit: 50 } }) as Page<Org>);
    const calls = fakeCore({
      list_records: (args) => {
        const query = args.query as ListQuery;
        return (pending[`${query.sort}@${query.offset}`] = deferred<Page<Org>>()).promise;
      },
    });
    let sort: 'name_vi' | 'country' = 'name_vi';
    const load = (offset: number, limit: number) => listRecords('organizations', { sort, offset, limit });
    const { rerender } = renderList({ load, key: sort });

    answer('name_vi', 0);
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Tên 1'));
    await scrollTo(60_000 * ROW);
    await waitFor(() => expect(offsets(calls)).toEqual([0, 59_950, 60_000]));

    // Another sort while the pages at 60 000 are on their way: back to the top, its first page read.
    sort = 'country';
    await rerender({ load, key: sort });
    await waitFor(() => expect(offsets(calls)).toEqual([0, 59_950, 60_000, 0]));
    expect(callsOf(calls, 'list_records')[3].query).toMatchObject({ sort: 'country', offset: 0 });
    expect(screen.getByRole('grid')).toHaveAttribute('aria-busy', 'true');
    expect(indexes()[0]).toBe(0);

    // The new query's answer is shown; the former one's, arriving late, is dropped.
    answer('country', 0);
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Nước 1'));
    answer('name_vi', 59_950);
    answer('name_vi', 60_000);
    await new Promise((r) => setTimeout(r, 100));
    expect(rows().every((r) => r.textContent?.startsWith('Nước'))).toBe(true);
    expect(screen.getByRole('grid')).toHaveAttribute('aria-busy', 'false');

    // Nothing of the former query was kept: row 60 000 is read again, in the new order.
    await scrollTo(60_000 * ROW);
    await waitFor(() => expect(offsets(calls)).toHaveLength(6));
    expect(callsOf(calls, 'list_records').slice(4).map((a) => a.query)).toEqual([
      expect.objectContaining({ sort: 'country', offset: 59_950 }),
      expect.objectContaining({ sort: 'country', offset: 60_000 }),
    ]);
    answer('country', 59_950);
    answer('country', 60_000);
    await waitFor(() => expect(rows()[5]).toHaveTextContent('Nước 60001'));
  });

  it('moves the active row with ↑/↓, PageUp/PageDown, Home/End, and opens it with Enter', async () => {
    const calls = fakeCore({ list_records: book(100_000) });
    const onopen = vi.fn();
    renderList({ onopen });
    await waitFor(() => expect(rows()).toHaveLength(20));
    const grid = screen.getByRole('grid');
    const active = () => document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    grid.focus();
    expect(grid).toHaveFocus();
    expect(active()?.dataset.index).toBe('0');

    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(active()?.dataset.index).toBe('2');
    expect(active()).toHaveClass('active');
    expect(screen.getAllByRole('row').filter((r) => r.classList.contains('active'))).toHaveLength(1);
    await fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(active()?.dataset.index).toBe('1');

    // A page down is the rows in view but one; the list scrolls to keep the active row in view.
    await fireEvent.keyDown(grid, { key: 'PageDown' });
    expect(active()?.dataset.index).toBe('15');
    expect(grid.scrollTop).toBe(ROW);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('2–16 trên 100.000');
    await fireEvent.keyDown(grid, { key: 'PageUp' });
    expect(active()?.dataset.index).toBe('1');

    await fireEvent.keyDown(grid, { key: 'End' });
    expect(active()?.dataset.index).toBe('99999');
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('99.986–100.000 trên 100.000');
    await waitFor(() => expect(active()).toHaveTextContent('Tổ chức số 100000'));
    expect(offsets(calls)).toEqual([0, 99_950]);
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    expect(active()?.dataset.index).toBe('99999');

    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onopen).toHaveBeenCalledTimes(1);
    expect(onopen.mock.calls[0][0]).toMatchObject({ id: 100_000, name_vi: 'Tổ chức số 100000' });
    expect(onopen.mock.calls[0][1]).toBe(99_999);

    await fireEvent.keyDown(grid, { key: 'Home' });
    expect(active()?.dataset.index).toBe('0');
    expect(grid.scrollTop).toBe(0);
    await fireEvent.keyDown(grid, { key: 'ArrowUp' });
    expect(active()?.dataset.index).toBe('0');

    // A click makes its row active.
    await fireEvent.click(screen.getByText('Tổ chức số 4'));
    expect(active()?.dataset.index).toBe('3');
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(onopen.mock.calls[1][0]).toMatchObject({ id: 4 });
  });

  it('keeps at most maxPages pages, forgetting the farthest from view', async () => {
    const calls = fakeCore({ list_records: book(100_000) });
    renderList({ maxPages: 3 });
    await waitFor(() => expect(rows()).toHaveLength(20));

    // Each stop shows rows of one page only (rows r − 5 … r + 19).
    const visit = async (at: number, expected: number[]) => {
      await scrollTo(at * ROW);
      const first = () => screen.getAllByRole('row').find((r) => r.dataset.index === String(at));
      await waitFor(() => expect(first()).toHaveTextContent(`Tổ chức số ${at + 1}`));
      await new Promise((r) => setTimeout(r, 80));
      expect(offsets(calls)).toEqual(expected);
      expect(screen.getAllByRole('row').length).toBeLessThanOrEqual(26);
    };
    await visit(1_010, [0, 1_000]);
    await visit(2_010, [0, 1_000, 2_000]);
    await visit(3_010, [0, 1_000, 2_000, 3_000]); // page 0 forgotten: 4 pages > 3
    await visit(2_010, [0, 1_000, 2_000, 3_000]); // still cached
    await visit(0, [0, 1_000, 2_000, 3_000, 0]); // read again; now page 3 000 is the farthest
    await visit(1_010, [0, 1_000, 2_000, 3_000, 0]);
    await visit(3_010, [0, 1_000, 2_000, 3_000, 0, 3_000]);
  });

  it('scales the scrolled height for 1 000 000 rows and still reaches every row', async () => {
    const calls = fakeCore({ list_records: book(1_000_000) });
    renderList();
    await waitFor(() => expect(rows()).toHaveLength(20));
    const grid = screen.getByRole('grid');
    const height = () => spacers(grid).reduce((a, b) => a + b, 0) + screen.getAllByRole('row').slice(1).length * ROW;
    expect(height()).toBe(MAX_SCROLL_PX);

    const maxScroll = MAX_SCROLL_PX - 540;
    await scrollTo(maxScroll / 2);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('499.993–500.008 trên 1.000.000');
    await waitFor(() => expect(screen.getAllByTestId(TestId.organizationRow).length).toBeGreaterThan(0));
    expect(height()).toBe(MAX_SCROLL_PX);

    await scrollTo(maxScroll);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('999.986–1.000.000 trên 1.000.000');
    await waitFor(() => expect(rows().at(-1)).toHaveTextContent('Tổ chức số 1000000'));
    expect(offsets(calls).at(-1)).toBe(999_950);
    expect(height()).toBe(MAX_SCROLL_PX);
  });

  it('opens at its start row, and says where it was left once scrolling pauses', async () => {
    const calls = fakeCore({ list_records: book(100_000) });
    const onscrolled = vi.fn();
    renderList({ startRow: 40_000, onscrolled });

    // The page holding the start row is the first one read; the list opens there.
    await waitFor(() => expect(rows()[0]).toHaveTextContent('Tổ chức số 39996'));
    expect(offsets(calls)).toEqual([40_000, 39_950]);
    expect(screen.getByRole('grid').scrollTop).toBe(40_000 * ROW);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('40.001–40.015 trên 100.000');
    await waitFor(() => expect(onscrolled).toHaveBeenLastCalledWith(40_000));

    onscrolled.mockClear();
    for (const at of [41_000, 42_000, 43_000]) await scrollTo(at * ROW);
    await waitFor(() => expect(onscrolled).toHaveBeenCalled());
    // Only where it stopped: the rows passed on the way are not reported.
    expect(onscrolled.mock.calls).toEqual([[43_000]]);
  });

  it('marks rows with the screen’s classes and data attributes, and says what an empty list means', async () => {
    fakeCore({ list_records: book(30) });
    const { unmount } = renderList({
      rowClass: (o: Org) => (o.id % 2 === 0 ? 'even' : ''),
      rowData: (o: Org) => ({ 'data-org-id': String(o.id) }),
    });
    await waitFor(() => expect(rows()).toHaveLength(20));
    expect(rows()[1]).toHaveClass('vrow', 'even');
    expect(rows()[0]).not.toHaveClass('even');
    expect(rows()[1]).toHaveAttribute('data-org-id', '2');
    unmount();

    fakeCore({ list_records: book(0) });
    renderList({ empty: 'Không có cơ hội nào phù hợp.' });
    expect(await screen.findByText('Không có cơ hội nào phù hợp.')).toBeInTheDocument();
  });

  it('says so when the list is empty, and shows the core’s error', async () => {
    fakeCore({ list_records: book(0) });
    const { unmount } = renderList();
    expect(await screen.findByText('Chưa có dữ liệu.')).toBeInTheDocument();
    expect(screen.queryByRole('grid')).toBeNull();
    unmount();

    fakeCore({
      list_records: () => {
        throw { code: 'storage', message_vi: 'Không đọc được cơ sở dữ liệu', message_en: 'The database cannot be read', fields: [] };
      },
    });
    renderList();
    expect(await screen.findByRole('alert')).toHaveTextContent('Không đọc được cơ sở dữ liệu');
  });
});
