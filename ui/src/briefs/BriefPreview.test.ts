import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { BriefBlock, BriefRequest } from '../lib/bindings.gen';
import { briefModel, callsOf, fakeCore, imageDataUrlOf, listOf, storedDelegation, suggestion } from '../test-ipc';
import BriefComposer from './BriefComposer.svelte';
import BriefPreview from './BriefPreview.svelte';
import { TestId } from '../lib/test-ids';

const blocks: BriefBlock[] = [
  { type: 'heading', level: 1, text: { vi: 'Cơ hội đầu tư tại Hà Nội', en: 'Investment opportunities in Hanoi' } },
  { type: 'paragraph', text: { vi: 'Hà Nội mời nhà đầu tư Nhật Bản.', en: 'Hanoi invites Japanese investors.' } },
  {
    type: 'facts',
    rows: [[{ vi: 'Phiên bản', en: 'Version' }, { vi: '2', en: '2' }]],
  },
  { type: 'page_break' },
  { type: 'heading', level: 2, text: { vi: 'Các cơ hội đầu tư', en: 'Investment opportunities' } },
  {
    type: 'table',
    columns: [{ vi: 'Tên', en: 'Name' }, { vi: 'Diện tích (ha)', en: 'Area (ha)' }],
    weights: [3, 1],
    rows: [[{ vi: 'Khu CNC Hòa Lạc', en: 'Hoa Lac Hi-Tech Park' }, { vi: '1.586', en: '1,586' }]],
  },
  {
    type: 'bar_chart',
    title: { vi: 'Diện tích', en: 'Area' },
    unit: { vi: 'ha', en: 'ha' },
    points: [
      [{ vi: 'Hòa Lạc', en: 'Hoa Lac' }, 1586],
      [{ vi: 'Phú Thị', en: 'Phu Thi' }, 400],
    ],
  },
  {
    type: 'pie_chart',
    title: { vi: 'Theo loại hình', en: 'By type' },
    points: [
      [{ vi: 'Khu công nghệ cao', en: 'Hi-tech park' }, 1],
      [{ vi: 'Khu công nghiệp', en: 'Industrial zone' }, 3],
    ],
  },
  { type: 'bullets', items: [{ vi: 'Khảo sát thực địa', en: 'Visit the site' }] },
  { type: 'note', text: { vi: 'Ưu đãi mang tính tham khảo.', en: 'Incentives are indicative.' } },
  { type: 'source', text: { vi: 'Nguồn: Ban quản lý 31/05/2024', en: 'Source: Management board 2024-05-31' } },
];

const withPicture: BriefBlock[] = [
  { type: 'heading', level: 2, text: { vi: 'Khu CNC Hòa Lạc', en: 'Hoa Lac Hi-Tech Park' } },
  { type: 'image', image_id: 5, caption: { vi: 'Khu Công nghệ cao Hòa Lạc', en: 'Hoa Lac Hi-Tech Park' } },
];

/** The <img> of a brief figure once its data URL has arrived. */
function figureImage(figure: HTMLElement): Promise<HTMLImageElement> {
  return waitFor(() => {
    const img = figure.querySelector('img');
    if (!img) throw new Error('the picture is still loading');
    return img;
  });
}

describe('BriefPreview', () => {
  it('dates its header on Hanoi’s clock, as the brief’s date and its PDF do, whatever this computer’s zone', () => {
    // 17:45 UTC on 3 December is already 00:45 on 4 December in Hanoi.
    render(BriefPreview, { model: { ...briefModel(blocks), generated_at: '2026-12-03T17:45:00Z' } });
    const head = screen.getByTestId(TestId.briefPass).querySelector('.running-head');
    expect(head).toHaveTextContent('v1 · 00:45 04/12/2026');
  });

  it('renders a Vietnamese brief: headings, paragraph, facts, table, bullets, note, source', () => {
    render(BriefPreview, { model: briefModel(blocks) });
    const panel = screen.getByTestId(TestId.briefPreviewPanel);

    expect(within(panel).getByRole('heading', { name: 'Cơ hội đầu tư tại Hà Nội' }).tagName).toBe('H3');
    expect(within(panel).getByRole('heading', { name: 'Các cơ hội đầu tư' }).tagName).toBe('H4');
    expect(within(panel).getByText('Hà Nội mời nhà đầu tư Nhật Bản.')).toBeInTheDocument();
    expect(within(screen.getByTestId(TestId.briefFacts)).getByRole('rowheader', { name: 'Phiên bản' })).toBeInTheDocument();
    const table = screen.getByTestId(TestId.briefTable);
    expect(within(table).getByRole('columnheader', { name: 'Diện tích (ha)' })).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: '1.586' })).toBeInTheDocument();
    expect(within(panel).getByRole('listitem')).toHaveTextContent('Khảo sát thực địa');
    expect(screen.getByTestId(TestId.briefNote)).toHaveTextContent('Ưu đãi mang tính tham khảo.');
    expect(screen.getByTestId(TestId.briefSource)).toHaveTextContent('Nguồn: Ban quản lý');
    expect(within(panel).getByRole('separator')).toBeInTheDocument();
    expect(panel).not.toHaveTextContent('Investment');
    expect(screen.queryByTestId(TestId.briefTwoCol)).toBeNull();
  });

  it('renders an English brief in English only', () => {
    render(BriefPreview, { model: briefModel(blocks, { language: 'en' }) });
    const panel = screen.getByTestId(TestId.briefPreviewPanel);
    expect(within(panel).getByRole('heading', { name: 'Investment opportunities in Hanoi' })).toBeInTheDocument();
    expect(within(panel).getByRole('columnheader', { name: 'Area (ha)' })).toBeInTheDocument();
    expect(screen.getByTestId(TestId.briefNote)).toHaveTextContent('Incentives are indicative.');
    expect(panel).not.toHaveTextContent('Hà Nội mời');
    expect(panel).toHaveAttribute('lang', 'en');
  });

  it('renders a bilingual brief side by side: two columns for text, "vi / en" for labels', () => {
    render(BriefPreview, { model: briefModel(blocks, { language: 'bi', layout: 'side_by_side' }) });
    const panel = screen.getByTestId(TestId.briefPreviewPanel);

    expect(within(panel).getByRole('heading', { name: 'Các cơ hội đầu tư / Investment opportunities' })).toBeInTheDocument();
    const [paragraph, bullet] = screen.getAllByTestId(TestId.briefTwoCol);
    const columns = Array.from(paragraph.children);
    expect(columns).toHaveLength(2);
    expect(columns[0]).toHaveTextContent('Hà Nội mời nhà đầu tư Nhật Bản.');
    expect(columns[0]).toHaveAttribute('lang', 'vi');
    expect(columns[1]).toHaveTextContent('Hanoi invites Japanese investors.');
    expect(columns[1]).toHaveAttribute('lang', 'en');
    expect(bullet.children).toHaveLength(2);
    expect(within(panel).getByRole('columnheader', { name: 'Tên / Name' })).toBeInTheDocument();
    // The same text in both languages is written once.
    expect(within(screen.getByTestId(TestId.briefFacts)).getByRole('cell', { name: '2' })).toBeInTheDocument();
    const note = screen.getByTestId(TestId.briefNote);
    expect(within(note).getByText('Ưu đãi mang tính tham khảo.')).toHaveAttribute('lang', 'vi');
    expect(within(note).getByText('Incentives are indicative.')).toHaveAttribute('lang', 'en');
    expect(screen.getAllByTestId(TestId.briefPass)).toHaveLength(1);
  });

  it('renders a sequential bilingual brief all in Vietnamese, then all in English', () => {
    render(BriefPreview, { model: briefModel(blocks, { language: 'bi', layout: 'sequential' }) });
    const [vi, en] = screen.getAllByTestId(TestId.briefPass);
    expect(vi).toHaveAttribute('lang', 'vi');
    expect(within(vi).getByRole('heading', { name: 'Các cơ hội đầu tư' })).toBeInTheDocument();
    expect(vi).not.toHaveTextContent('Investment opportunities');
    expect(within(en).getByRole('heading', { name: 'Investment opportunities' })).toBeInTheDocument();
    expect(en).not.toHaveTextContent('Các cơ hội');
    expect(screen.queryByTestId(TestId.briefTwoCol)).toBeNull();
  });

  it('draws charts as bars sized by classes, with the values as text and no style attribute', () => {
    const { container } = render(BriefPreview, { model: briefModel(blocks, { language: 'en' }) });
    const bars = screen.getByTestId(TestId.briefBarChart);
    expect(within(bars).getByText('Area')).toBeInTheDocument();
    expect(within(bars).getByText('1,586 ha')).toBeInTheDocument();
    const [full, part] = Array.from(bars.querySelectorAll('.bar'));
    expect(full).toHaveClass('w-100');
    expect(part).toHaveClass('w-25');
    const pie = screen.getByTestId(TestId.briefPieChart);
    expect(within(pie).getByText('3 (75%)')).toBeInTheDocument();
    expect(pie.querySelectorAll('.bar')[1]).toHaveClass('w-75');
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('shows a picture block as a figure with its data URL and its caption in the brief language', async () => {
    const calls = fakeCore({ opportunity_image_data: (args) => imageDataUrlOf(args.imageId as number) });
    const { container } = render(BriefPreview, { model: briefModel(withPicture) });
    const figure = screen.getByTestId(TestId.briefImage);
    expect(figure.tagName).toBe('FIGURE');
    expect(within(figure).getByText('Khu Công nghệ cao Hòa Lạc').tagName).toBe('FIGCAPTION');
    const img = await figureImage(figure);
    expect(img).toHaveAttribute('src', imageDataUrlOf(5));
    expect(img).toHaveAttribute('alt', 'Khu Công nghệ cao Hòa Lạc');
    expect(callsOf(calls, 'opportunity_image_data')).toEqual([{ imageId: 5 }]);
    expect(container.querySelectorAll('[style]')).toHaveLength(0);
  });

  it('fetches a picture once for every pass of a bilingual brief, captions "vi / en" side by side', async () => {
    const calls = fakeCore({ opportunity_image_data: (args) => imageDataUrlOf(args.imageId as number) });
    const { unmount } = render(BriefPreview, { model: briefModel(withPicture, { language: 'bi', layout: 'sequential' }) });
    const [vi, en] = screen.getAllByTestId(TestId.briefImage);
    expect(vi).toHaveTextContent('Khu Công nghệ cao Hòa Lạc');
    expect(en).toHaveTextContent('Hoa Lac Hi-Tech Park');
    expect(await figureImage(vi)).toHaveAttribute('src', imageDataUrlOf(5));
    expect(await figureImage(en)).toHaveAttribute('alt', 'Hoa Lac Hi-Tech Park');
    unmount();

    render(BriefPreview, { model: briefModel(withPicture, { language: 'bi', layout: 'side_by_side' }) });
    const both = screen.getByTestId(TestId.briefImage);
    expect(within(both).getByText('Khu Công nghệ cao Hòa Lạc / Hoa Lac Hi-Tech Park')).toBeInTheDocument();
    expect(await figureImage(both)).toHaveAttribute('src', imageDataUrlOf(5));
    expect(callsOf(calls, 'opportunity_image_data')).toEqual([{ imageId: 5 }]);
  });

  it('says so when a picture cannot be fetched, keeping its caption', async () => {
    fakeCore({
      opportunity_image_data: () => {
        throw { code: 'invalid', message_vi: 'Không có ảnh 5', message_en: 'No picture 5', fields: [] };
      },
    });
    render(BriefPreview, { model: briefModel(withPicture, { language: 'en' }) });
    const figure = screen.getByTestId(TestId.briefImage);
    expect(await within(figure).findByText('Không hiển thị được ảnh')).toBeInTheDocument();
    expect(figure).toHaveTextContent('Hoa Lac Hi-Tech Park');
    expect(figure.querySelector('img')).toBeNull();
  });

  it('the composer previews the current request and says when the preview is out of date', async () => {
    const calls = fakeCore({
      list_records: listOf({ delegations: [storedDelegation(1)] }),
      brief_suggestions: () => [suggestion(1, 'Khu CNC Hòa Lạc', { suggested: true, score: 1 })],
      brief_preview: (args) => briefModel(blocks, { language: (args.request as BriefRequest).language }),
    });
    const { container } = render(BriefComposer);
    await screen.findByRole('option', { name: /Đoàn xúc tiến/ });
    await fireEvent.change(container.querySelector('[name="delegation_id"]')!, { target: { value: '1' } });
    await screen.findByTestId(TestId.briefOpportunity);
    await fireEvent.click(screen.getByTestId(TestId.briefPreview));

    const panel = await screen.findByTestId(TestId.briefPreviewPanel);
    expect(callsOf(calls, 'brief_preview')[0].request).toMatchObject({
      audience: { kind: 'delegation', id: 1 },
      opportunity_ids: [1],
    });
    expect(within(panel).getByRole('heading', { name: 'Cơ hội đầu tư tại Hà Nội' })).toBeInTheDocument();
    expect(screen.queryByTestId(TestId.briefPreviewStale)).toBeNull();

    await fireEvent.change(container.querySelector('[name="language"]')!, { target: { value: 'en' } });
    expect(await screen.findByTestId(TestId.briefPreviewStale)).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId(TestId.briefPreview));
    await waitFor(() => expect(screen.queryByTestId(TestId.briefPreviewStale)).toBeNull());
    expect(screen.getByTestId(TestId.briefPreviewPanel)).toHaveTextContent('Investment opportunities in Hanoi');
  });
});
