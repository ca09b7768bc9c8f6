import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, invalidPayload, listOf, storedBrief } from '../test-ipc';
import BriefList from './BriefList.svelte';
import { TestId } from '../lib/test-ids';

const brief = storedBrief(2, {
  title: 'Hồ sơ giới thiệu đầu tư Hòa Lạc cho đoàn Nhật Bản',
  language: 'bi',
  version: 3,
  include_personal_data: false,
  file_name: 'C:\\Users\\lan\\Documents\\brief-hoa-lac-v3.pdf',
});

describe('BriefList (history)', () => {
  it('lists generated briefs, newest first, with language, version, date, file and personal data', async () => {
    const calls = fakeCore({ list_records: listOf({ briefs: [brief] }) });
    render(BriefList);

    const row = await screen.findByTestId(TestId.briefHistoryRow);
    expect(within(row).getByRole('link')).toHaveAttribute('href', '#/briefs/2');
    expect(row).toHaveTextContent('Song ngữ Việt – Anh');
    expect(row).toHaveTextContent('Một đoàn');
    expect(row).toHaveTextContent('20/11/2026');
    expect(within(row).getByText('brief-hoa-lac-v3.pdf')).toBeInTheDocument();
    expect(within(row).getByText('Không')).toBeInTheDocument();
    const query = callsOf(calls, 'list_records')[0].query as ListQuery;
    expect(query).toMatchObject({ sort: 'generated_at', descending: true });

    setLanguage('en');
    expect(await within(row).findByText('Bilingual (Vietnamese and English)')).toBeInTheDocument();
    expect(row).toHaveTextContent('20 Nov 2026');
  });

  it('opens a row’s file through brief_open and shows why it could not', async () => {
    const calls = fakeCore({
      list_records: listOf({ briefs: [brief, storedBrief(3, { file_name: null })] }),
      brief_open: () => {
        throw invalidPayload([
          { field: 'file_name', code: 'cannot_open', message_vi: 'Không mở được tệp', message_en: 'Cannot open the file' },
        ]);
      },
    });
    render(BriefList);

    const rows = await screen.findAllByTestId(TestId.briefHistoryRow);
    expect(within(rows[1]).queryByTestId(TestId.briefHistoryOpen)).toBeNull();
    await fireEvent.click(within(rows[0]).getByTestId(TestId.briefHistoryOpen));

    await waitFor(() => expect(callsOf(calls, 'brief_open')).toEqual([{ briefId: 2 }]));
    expect(await screen.findByRole('alert')).toHaveTextContent('Không mở được tệp');
  });

  it('reads the history 20 at a time as it scrolls, again from the top after a new brief, and opens a row with Enter', async () => {
    const many = Array.from({ length: 30 }, (_, i) => storedBrief(i + 1, { title: `Bản tin số ${i + 1}` }));
    const calls = fakeCore({ list_records: listOf({ briefs: many }) });
    const { rerender } = render(BriefList, { props: { refresh: 0 } });
    const offsets = () => callsOf(calls, 'list_records').map((a) => [(a.query as ListQuery).offset, (a.query as ListQuery).limit]);

    // jsdom has no layout: the list's 36 px rows in 540 px put 15 rows in view and 5 more below.
    expect(await screen.findAllByTestId(TestId.briefHistoryRow)).toHaveLength(20);
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 30');
    const grid = screen.getByRole('grid', { name: 'Bản tin đã tạo' });
    grid.scrollTop = 15 * 36;
    await fireEvent.scroll(grid);
    await waitFor(() => expect(screen.getByText('Bản tin số 30')).toBeInTheDocument());
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('16–30 trên 30');
    expect(offsets()).toEqual([[0, 20], [20, 20]]);

    await rerender({ refresh: 1 });
    await waitFor(() => expect(offsets()).toEqual([[0, 20], [20, 20], [0, 20]]));
    await waitFor(() => expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 30'));

    grid.focus();
    await fireEvent.keyDown(grid, { key: 'ArrowDown' });
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(router.path).toBe('/briefs/2');
  });
});
