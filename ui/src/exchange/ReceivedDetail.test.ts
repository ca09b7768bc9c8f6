import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { save } from '@tauri-apps/plugin-dialog';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AdoptPlan, ReceivedDetail as Detail } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { TestId } from '../lib/test-ids';
import { briefModel, callsOf, fakeCore } from '../test-ipc';
import { receivedBrief, receivedDetailOf, receivedOpportunity, TOKYO_GROUPED } from '../test-exchange';
import ReceivedDetail from './ReceivedDetail.svelte';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const saveDialog = vi.mocked(save);
beforeEach(() => saveDialog.mockReset());

const NEW = 'a0000000-0000-4000-8000-000000000001';
const EDITED = 'a0000000-0000-4000-8000-000000000002';

const report = { created: [] as number[], updated: [] as number[], unchanged: 0, sectors_added: [] as string[] };

describe('ReceivedDetail', () => {
  it('shows the sender, fingerprint, times, version and verified, and the content without its pictures', async () => {
    const calls = fakeCore({
      received_detail: () =>
        receivedDetailOf(4, {
          history: [receivedBrief(3, { brief_version: 1, superseded_by: 4 })],
          model: briefModel([
            { type: 'paragraph', text: { vi: 'Thị trường bán dẫn Nhật Bản', en: 'Japan chip market' } },
            // Picture 1 of the sender's store: not picture 1 of this one.
            { type: 'image', image_id: 1, caption: { vi: 'Ảnh', en: 'Picture' } },
          ]),
        }),
    });
    render(ReceivedDetail, { id: 4 });
    const page = await screen.findByTestId(TestId.receivedDetail);
    expect(screen.getByTestId(TestId.receivedTitle)).toHaveTextContent('Thị trường Nhật Bản cho bán dẫn');
    expect(page).toHaveTextContent(TOKYO_GROUPED);
    expect(page).toHaveTextContent('✓ Đã xác minh');
    expect(page).toHaveTextContent('20/11/2026');
    expect(page).toHaveTextContent('Thị trường bán dẫn Nhật Bản');
    expect(within(screen.getByTestId(TestId.receivedHistoryRow)).getByRole('link')).toHaveAttribute('href', '#/exchange/received/3');
    expect(screen.queryByTestId(TestId.briefImage)).toBeNull();
    expect(callsOf(calls, 'opportunity_image_data')).toEqual([]);
  });

  it('opens the PDF and makes the brief again in the other language', async () => {
    const calls = fakeCore({
      received_detail: () => receivedDetailOf(4),
      open_received_pdf: () => null,
      regenerate_received: ({ path }) => ({ path: path ?? '/data/briefs/received-4-en.pdf', bytes: 90_000 }),
    });
    setLanguage('en');
    render(ReceivedDetail, { id: 4 });
    await fireEvent.click(await screen.findByTestId(TestId.receivedOpenPdf));
    await waitFor(() => expect(callsOf(calls, 'open_received_pdf')).toEqual([{ receivedId: 4 }]));
    expect(screen.getByTestId(TestId.receivedRegenerate)).toHaveTextContent('Make it again here in');
    // The other language is offered first; the same one is not offered at all.
    const language = screen.getByRole('combobox', { name: 'Make it again here in' }) as HTMLSelectElement;
    expect(language.value).toBe('en');
    expect([...language.options].map((o) => o.value)).toEqual(['en', 'bi']);
    await fireEvent.click(screen.getByTestId(TestId.receivedRegenerateDefault));
    expect(await screen.findByTestId(TestId.receivedRegenerated)).toHaveTextContent('Wrote /data/briefs/received-4-en.pdf (87.9 KB).');
    expect(callsOf(calls, 'regenerate_received')).toEqual([{ receivedId: 4, language: 'en', path: null }]);
  });

  it('adopts a new opportunity and says what it did', async () => {
    let detail: Detail = receivedDetailOf(4);
    const calls = fakeCore({
      received_detail: () => detail,
      adopt_received: () => {
        detail = receivedDetailOf(4, { opportunities: [receivedOpportunity(NEW, { state: 'up_to_date', local_id: 31 })] });
        return { ...report, created: [31], sectors_added: ['semiconductors'] };
      },
    });
    render(ReceivedDetail, { id: 4 });
    const row = await screen.findByTestId(TestId.receivedOpportunity);
    expect(within(row).getByTestId(TestId.adoptState)).toHaveTextContent('Chưa có trong danh mục');
    await fireEvent.click(within(row).getByTestId(TestId.adoptOne));
    await waitFor(() => expect(callsOf(calls, 'adopt_received')).toEqual([{ receivedId: 4, opportunityUuids: [NEW], choices: [] }]));
    expect(await screen.findByTestId(TestId.adoptReport)).toHaveTextContent('Đã tiếp nhận: 1 tạo mới, 0 cập nhật, 0 không đổi.');
    await waitFor(() => expect(screen.getByTestId(TestId.adoptState)).toHaveTextContent('Đã tiếp nhận, không có gì mới'));
    expect(within(screen.getByTestId(TestId.receivedOpportunity)).getByRole('link')).toHaveAttribute('href', '#/opportunities/31');
  });

  it('lets the officer choose field by field for an opportunity edited here, and sends each choice', async () => {
    const plan: AdoptPlan = {
      uuid: EDITED,
      name_vi: 'Khu Công nghệ cao Hòa Lạc',
      state: 'conflict',
      local_id: 12,
      diffs: [
        // Changed on both sides: no side until chosen.
        { field: 'area_ha', base: 1586, mine: 1600, theirs: 1700 },
        // Changed by the sender only: theirs unless chosen otherwise.
        { field: 'location', base: 'Thạch Thất', mine: 'Thạch Thất', theirs: 'Thạch Thất, Hà Nội' },
      ],
    };
    const calls = fakeCore({
      received_detail: () => receivedDetailOf(4, { opportunities: [receivedOpportunity(EDITED, { state: 'conflict', local_id: 12 })] }),
      adopt_preview: () => [plan],
      adopt_received: () => ({ ...report, updated: [12] }),
    });
    render(ReceivedDetail, { id: 4 });
    const row = await screen.findByTestId(TestId.receivedOpportunity);
    expect(within(row).getByTestId(TestId.adoptState)).toHaveTextContent('Đã sửa tại đây, có bản mới hơn');
    await fireEvent.click(within(row).getByTestId(TestId.adoptOne));
    const chooser = await screen.findByTestId(TestId.chooser);
    await waitFor(() => expect(within(chooser).getAllByTestId(TestId.chooserRow)).toHaveLength(2));
    expect(callsOf(calls, 'adopt_preview')).toEqual([{ receivedId: 4, opportunityUuids: [EDITED] }]);
    const [area, location] = within(chooser).getAllByTestId(TestId.chooserRow);
    expect(area).toHaveTextContent('Diện tích (ha)');
    expect(area).toHaveTextContent('1.600');
    expect(area).toHaveTextContent('1.700');
    expect(location).toHaveTextContent('chỉ phía gửi thay đổi');
    expect(within(location).getByTestId(TestId.chooserTheirs)).toBeChecked();
    const apply = within(chooser).getByTestId(TestId.chooserApply);
    expect(apply).toBeDisabled();
    expect(chooser).toHaveTextContent('Hãy chọn một bên cho mọi trường.');

    await fireEvent.click(within(area).getByTestId(TestId.chooserMine));
    expect(apply).toBeEnabled();
    await fireEvent.click(apply);
    await waitFor(() =>
      expect(callsOf(calls, 'adopt_received')).toEqual([
        {
          receivedId: 4,
          opportunityUuids: [EDITED],
          choices: [
            { uuid: EDITED, field: 'area_ha', take: 'mine' },
            { uuid: EDITED, field: 'location', take: 'theirs' },
          ],
        },
      ]),
    );
    expect(await screen.findByTestId(TestId.adoptReport)).toHaveTextContent('0 tạo mới, 1 cập nhật');
  });

  it('adopts every new and updated opportunity at once, never an edited one', async () => {
    const calls = fakeCore({
      received_detail: () =>
        receivedDetailOf(4, {
          opportunities: [
            receivedOpportunity(NEW),
            receivedOpportunity(EDITED, { state: 'conflict', local_id: 12 }),
            receivedOpportunity('a0000000-0000-4000-8000-000000000003', { state: 'update', local_id: 13 }),
          ],
        }),
      adopt_received: () => ({ ...report, created: [31], updated: [13] }),
    });
    render(ReceivedDetail, { id: 4 });
    await fireEvent.click(await screen.findByTestId(TestId.adoptAll));
    await waitFor(() =>
      expect(callsOf(calls, 'adopt_received')).toEqual([
        { receivedId: 4, opportunityUuids: [NEW, 'a0000000-0000-4000-8000-000000000003'], choices: [] },
      ]),
    );
  });
});
