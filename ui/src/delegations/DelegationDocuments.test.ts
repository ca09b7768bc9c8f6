import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { save } from '@tauri-apps/plugin-dialog';
import type { ListQuery } from '../lib/bindings.gen';
import {
  callsOf,
  fakeCore,
  invalidPayload,
  itineraryViewOf,
  listOf,
  planMember,
  storedBrief,
  storedDelegation,
} from '../test-ipc';
import DelegationDetail from './DelegationDetail.svelte';
import { TestId } from '../lib/test-ids';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const saveDialog = vi.mocked(save);

const delegation = storedDelegation(5, { title: 'Đoàn xúc tiến đầu tư tại Nhật Bản' });
const members = [planMember(11, 'Trần Văn Minh', { role: 'head' }), planMember(12, 'Lê Thu Hà')];

function core(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  return fakeCore({
    get_record: () => delegation,
    itinerary_view: () => itineraryViewOf({ members }),
    delegation_next_steps: () => [],
    record_audit: () => [],
    list_records: listOf({ briefs: [storedBrief(7, { delegation_id: 5, title: 'Cơ hội đầu tư tại Hà Nội — Đoàn Nhật Bản', version: 2 })] }),
    export_itinerary_ics: (args) => ({ path: (args.path as string | null) ?? '/data/calendars/lich-trinh-doan-5.ics', bytes: 3_200 }),
    print_itinerary: (args) => ({ path: (args.path as string | null) ?? '/data/itineraries/lich-trinh-doan-5-bi.pdf', bytes: 48_640 }),
    open_itinerary_pdf: () => null,
    ...extra,
  });
}

describe('documents tab', () => {
  beforeEach(() => saveDialog.mockReset());

  it('exports the calendar through the save dialog, and not at all when it is cancelled', async () => {
    const calls = core();
    render(DelegationDetail, { id: 5, tab: 'documents' });
    await screen.findByTestId(TestId.documentsTab);

    saveDialog.mockResolvedValueOnce(null);
    await fireEvent.click(screen.getByTestId(TestId.exportIcs));
    await waitFor(() => expect(saveDialog).toHaveBeenCalledTimes(1));
    expect(saveDialog).toHaveBeenCalledWith({
      defaultPath: 'lich-trinh-doan-xuc-tien-dau-tu-tai-nhat-ban.ics',
      filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    });
    expect(callsOf(calls, 'export_itinerary_ics')).toHaveLength(0);

    saveDialog.mockResolvedValueOnce('/home/lan/Lịch/doan-nhat-ban.ics');
    await fireEvent.click(screen.getByTestId(TestId.exportIcs));
    const result = await screen.findByTestId(TestId.documentResult);
    expect(callsOf(calls, 'export_itinerary_ics')).toEqual([
      { delegationId: 5, memberId: null, path: '/home/lan/Lịch/doan-nhat-ban.ics' },
    ]);
    expect(within(result).getByTestId(TestId.documentPath)).toHaveTextContent('/home/lan/Lịch/doan-nhat-ban.ics');
    expect(result).toHaveTextContent('3,1 KB');
    expect(screen.queryByTestId(TestId.openPdf)).toBeNull();
  });

  it('exports one member’s calendar into the app’s folder without a dialog', async () => {
    const calls = core();
    render(DelegationDetail, { id: 5, tab: 'documents' });
    await screen.findByRole('option', { name: /Lê Thu Hà/ });

    await fireEvent.change(screen.getByTestId(TestId.documentMember), { target: { value: '12' } });
    await fireEvent.click(screen.getByTestId(TestId.exportIcsDefault));
    await waitFor(() =>
      expect(callsOf(calls, 'export_itinerary_ics')).toEqual([{ delegationId: 5, memberId: 12, path: null }]),
    );
    expect(await screen.findByTestId(TestId.documentPath)).toHaveTextContent('/data/calendars/lich-trinh-doan-5.ics');
    expect(saveDialog).not.toHaveBeenCalled();
  });

  it('prints the PDF in the chosen language, with or without the dialog, and opens it', async () => {
    const calls = core();
    render(DelegationDetail, { id: 5, tab: 'documents' });
    await screen.findByRole('option', { name: /Trần Văn Minh/ });

    await fireEvent.click(screen.getByLabelText('Song ngữ Việt – Anh'));
    await fireEvent.click(screen.getByTestId(TestId.printPdfDefault));
    await waitFor(() =>
      expect(callsOf(calls, 'print_itinerary')).toEqual([
        { delegationId: 5, options: { member_id: null, language: 'bi' }, path: null },
      ]),
    );
    expect(await screen.findByTestId(TestId.documentPath)).toHaveTextContent('/data/itineraries/lich-trinh-doan-5-bi.pdf');
    expect(screen.getByTestId(TestId.documentResult)).toHaveTextContent('47,5 KB');

    await fireEvent.click(screen.getByTestId(TestId.openPdf));
    await waitFor(() =>
      expect(callsOf(calls, 'open_itinerary_pdf')).toEqual([{ path: '/data/itineraries/lich-trinh-doan-5-bi.pdf' }]),
    );

    await fireEvent.change(screen.getByTestId(TestId.documentMember), { target: { value: '11' } });
    await fireEvent.click(screen.getByLabelText('Tiếng Anh'));
    saveDialog.mockResolvedValueOnce('/home/lan/Tài liệu/minh.pdf');
    await fireEvent.click(screen.getByTestId(TestId.printPdf));
    await waitFor(() => expect(callsOf(calls, 'print_itinerary')).toHaveLength(2));
    expect(saveDialog).toHaveBeenCalledWith({
      defaultPath: 'lich-trinh-doan-xuc-tien-dau-tu-tai-nhat-ban-tran-van-minh-en.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(callsOf(calls, 'print_itinerary')[1]).toEqual({
      delegationId: 5,
      options: { member_id: 11, language: 'en' },
      path: '/home/lan/Tài liệu/minh.pdf',
    });
    await waitFor(() => expect(screen.getByTestId(TestId.documentPath)).toHaveTextContent('/home/lan/Tài liệu/minh.pdf'));
  });

  it('shows why a document could not be written', async () => {
    core({
      print_itinerary: () => {
        throw invalidPayload([
          { field: 'path', code: 'bad_output_path', message_vi: 'Tên tệp phải là đường dẫn đầy đủ, kết thúc bằng .pdf', message_en: 'The file must be a full path ending in .pdf' },
        ]);
      },
    });
    render(DelegationDetail, { id: 5, tab: 'documents' });
    await screen.findByTestId(TestId.documentsTab);
    saveDialog.mockResolvedValueOnce('/home/lan/lich-trinh');
    await fireEvent.click(screen.getByTestId(TestId.printPdf));
    expect(await screen.findByTestId(TestId.documentError)).toHaveTextContent('kết thúc bằng .pdf');
    expect(screen.queryByTestId(TestId.documentResult)).toBeNull();
  });

  it('lists the briefs made for this delegation, with links', async () => {
    const calls = core();
    render(DelegationDetail, { id: 5, tab: 'documents' });
    const brief = await screen.findByTestId(TestId.delegationBrief);
    expect(within(brief).getByText('Cơ hội đầu tư tại Hà Nội — Đoàn Nhật Bản')).toHaveAttribute('href', '#/briefs/7');
    expect(brief).toHaveTextContent('v2');
    const query = callsOf(calls, 'list_records').find((a) => a.kind === 'briefs')!.query as ListQuery;
    expect(query.filters).toEqual([{ field: 'delegation_id', value: '5' }]);
    expect(query.sort).toBe('generated_at');
    expect(query.descending).toBe(true);
  });
});
