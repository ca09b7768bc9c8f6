import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Lead, ListQuery, Stored } from '../lib/bindings.gen';
import { callsOf, fakeCore, invalidPayload, listOf, storedLead, storedOrganization } from '../test-ipc';
import { activeTotal, BOARD_CAP, totalsBySector, totalsByStage } from './pipeline';
import PipelinePage from './PipelinePage.svelte';

const DAY = 86_400_000;
const past = new Date(Date.now() - 3 * DAY).toISOString();
const future = new Date(Date.now() + 5 * DAY).toISOString();

const LEADS: Stored<Lead>[] = [
  storedLead(1, 'Nhà máy bán dẫn Hòa Lạc', {
    sectors: ['semiconductors', 'electronics'],
    expected_capital_minor: 150_000_000_00,
    owner: 'Lê Hà',
    next_action: 'Gửi hồ sơ khu đất',
    due_at: past,
  }),
  storedLead(2, 'Trung tâm logistics Gia Lâm', {
    organization_id: 9,
    stage: 'meeting',
    sectors: ['logistics'],
    expected_capital_minor: 40_000_000_00,
    owner: 'Phạm Minh',
    due_at: future,
  }),
  storedLead(3, 'Mở rộng nhà máy điện tử', {
    stage: 'meeting',
    sectors: ['electronics'],
    expected_capital_minor: 60_000_000_00,
    owner: 'Lê Hà',
  }),
  storedLead(4, 'Kho lạnh nông sản', {
    stage: 'lost',
    lost_reason: 'Chọn địa điểm ở Thái Lan',
    sectors: ['agrifood'],
    expected_capital_minor: 10_000_000_00,
    due_at: past,
  }),
  storedLead(5, 'Trung tâm phần mềm', {
    stage: 'mou',
    expected_capital_minor: 500_000_000,
    expected_capital_currency: 'JPY',
  }),
];

const LOST_REQUIRED = invalidPayload([
  {
    field: 'lost_reason',
    code: 'required',
    message_vi: 'Cần nêu lý do khi chuyển sang «Không thành công»',
    message_en: 'A reason is required when a lead is lost',
  },
]);

/** The fake core of the pipeline: the leads, their organisations, and updates like the core's. */
function core(leads: Stored<Lead>[] = LEADS) {
  return fakeCore({
    list_records: listOf({ leads }),
    get_record: (args) => storedOrganization(Number(args.id), args.id === 9 ? 'XYZ Logistics' : 'Công ty Bán dẫn Seoul'),
    update_record: (args) => {
      const patch = args.patch as Partial<Lead>;
      if (patch.stage === 'lost' && !patch.lost_reason?.trim()) throw LOST_REQUIRED;
      const lead = leads.find((l) => l.id === args.id)!;
      return { ...lead, ...patch };
    },
  });
}

const column = (stage: string) => screen.getAllByTestId('pipeline-column').find((c) => c.dataset.stage === stage)!;
const card = (id: number) => screen.getAllByTestId('pipeline-card').find((c) => c.dataset.leadId === String(id))!;
const cardIds = (stage: string) => within(column(stage)).queryAllByTestId('pipeline-card').map((c) => Number(c.dataset.leadId));

/** A stand-in for the browser's DataTransfer (jsdom has none). */
function dataTransfer() {
  const data: Record<string, string> = {};
  return {
    dropEffect: 'none',
    effectAllowed: 'all',
    setData: (type: string, value: string) => (data[type] = value),
    getData: (type: string) => data[type] ?? '',
  };
}

describe('Pipeline board', () => {
  it('shows one column per stage, lead → aftercare then lost, with each lead’s card', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId('pipeline-card');

    expect(screen.getAllByTestId('pipeline-column').map((c) => c.dataset.stage)).toEqual([
      'lead',
      'contacted',
      'meeting',
      'site_visit',
      'mou',
      'licensed',
      'aftercare',
      'lost',
    ]);
    expect(cardIds('lead')).toEqual([1]);
    // Due first, undated last.
    expect(cardIds('meeting')).toEqual([2, 3]);
    expect(cardIds('lost')).toEqual([4]);
    expect(screen.getByTestId('pipeline-count')).toHaveTextContent('5 cơ hội');

    const first = card(1);
    expect(within(first).getByTestId('card-title')).toHaveTextContent('Nhà máy bán dẫn Hòa Lạc');
    await waitFor(() => expect(within(first).getByTestId('card-organization')).toHaveTextContent('Công ty Bán dẫn Seoul'));
    expect(within(first).getByTestId('card-organization')).toHaveAttribute('href', '#/contacts/organizations/8');
    expect(within(first).getByTestId('card-capital')).toHaveTextContent(/^150\.000\.000\sUSD$/);
    expect(within(first).getByTestId('card-owner')).toHaveTextContent('Lê Hà');
    expect(within(first).getByTestId('card-next')).toHaveTextContent('Gửi hồ sơ khu đất');
    expect(first).toHaveClass('overdue');
    expect(within(first).getByTestId('card-due')).toHaveTextContent('Quá hạn');
    expect(card(2)).not.toHaveClass('overdue');
    // A lost lead is never overdue.
    expect(card(4)).not.toHaveClass('overdue');
    expect(within(card(4)).getByTestId('card-lost-reason')).toHaveTextContent('Chọn địa điểm ở Thái Lan');

    // Loaded in pages from the store, most recently updated first.
    const query = callsOf(calls, 'list_records')[0].query as ListQuery;
    expect(query).toMatchObject({ sort: 'updated_at', descending: true, offset: 0, limit: 500, filters: [] });
    // Each organisation read once.
    await waitFor(() => expect(callsOf(calls, 'get_record')).toHaveLength(2));
  });

  it('moves a card with its stage menu: update_record with the new stage, then the card changes column', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId('pipeline-card');

    await fireEvent.change(within(card(2)).getByTestId('card-stage'), { target: { value: 'site_visit' } });
    await waitFor(() => expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'leads', id: 2, patch: { stage: 'site_visit' } }]));
    await waitFor(() => expect(cardIds('site_visit')).toEqual([2]));
    expect(cardIds('meeting')).toEqual([3]);
    expect(within(card(2)).getByTestId('card-stage')).toHaveValue('site_visit');
    // The totals follow.
    const meeting = screen.getAllByTestId('totals-stage').find((r) => r.dataset.stage === 'meeting')!;
    expect(within(meeting).getByTestId('totals-count')).toHaveTextContent('1');
  });

  it('moves a card dragged onto another column', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId('pipeline-card');

    const transfer = dataTransfer();
    await fireEvent.dragStart(card(1), { dataTransfer: transfer });
    expect(transfer.getData('text/plain')).toBe('1');
    await fireEvent.dragOver(column('contacted'), { dataTransfer: transfer });
    expect(column('contacted')).toHaveClass('drop');
    await fireEvent.drop(column('contacted'), { dataTransfer: transfer });

    await waitFor(() => expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'leads', id: 1, patch: { stage: 'contacted' } }]));
    await waitFor(() => expect(cardIds('contacted')).toEqual([1]));
    expect(cardIds('lead')).toEqual([]);
    expect(column('contacted')).not.toHaveClass('drop');

    // Dropping on its own column changes nothing.
    await fireEvent.dragStart(card(3), { dataTransfer: dataTransfer() });
    await fireEvent.drop(column('meeting'), { dataTransfer: dataTransfer() });
    expect(callsOf(calls, 'update_record')).toHaveLength(1);
  });

  it('asks why a lead was lost, shows the core’s field error, and moves it once a reason is given', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId('pipeline-card');

    await fireEvent.change(within(card(3)).getByTestId('card-stage'), { target: { value: 'lost' } });
    const prompt = within(card(3)).getByTestId('lost-prompt');
    expect(callsOf(calls, 'update_record')).toHaveLength(0);
    expect(within(card(3)).getByTestId('card-stage')).toHaveValue('meeting');

    // Without a reason the core refuses; its message shows under the reason.
    await fireEvent.click(within(prompt).getByTestId('lost-confirm'));
    const error = await within(card(3)).findByTestId('error-lost_reason');
    expect(error).toHaveTextContent('Cần nêu lý do khi chuyển sang «Không thành công»');
    expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'leads', id: 3, patch: { stage: 'lost', lost_reason: null } }]);
    expect(within(card(3)).getByTestId('lost-reason')).toHaveAttribute('aria-invalid', 'true');
    expect(cardIds('meeting')).toEqual([2, 3]);

    await fireEvent.input(within(card(3)).getByTestId('lost-reason'), { target: { value: 'Nhà đầu tư chọn Indonesia' } });
    await fireEvent.click(within(card(3)).getByTestId('lost-confirm'));
    await waitFor(() => expect(cardIds('lost')).toEqual([4, 3]));
    expect(callsOf(calls, 'update_record')[1]).toEqual({
      kind: 'leads',
      id: 3,
      patch: { stage: 'lost', lost_reason: 'Nhà đầu tư chọn Indonesia' },
    });
    expect(screen.queryByTestId('lost-prompt')).toBeNull();
  });

  it('asks for the reason when a card is dropped on the lost column, and can be cancelled', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId('pipeline-card');

    await fireEvent.dragStart(card(2), { dataTransfer: dataTransfer() });
    await fireEvent.dragOver(column('lost'), { dataTransfer: dataTransfer() });
    await fireEvent.drop(column('lost'), { dataTransfer: dataTransfer() });
    expect(within(card(2)).getByTestId('lost-prompt')).toBeInTheDocument();
    expect(callsOf(calls, 'update_record')).toHaveLength(0);

    await fireEvent.click(within(card(2)).getByTestId('lost-cancel'));
    expect(screen.queryByTestId('lost-prompt')).toBeNull();
    expect(cardIds('meeting')).toEqual([2, 3]);
  });

  it('totals count and USD capital by stage and by sector (lost left out, other currencies noted)', async () => {
    core();
    render(PipelinePage);
    const totals = await screen.findByTestId('pipeline-totals');

    const stage = (s: string) => within(totals).getAllByTestId('totals-stage').find((r) => r.dataset.stage === s)!;
    const figures = (row: HTMLElement) => [
      within(row).getByTestId('totals-count').textContent,
      within(row).getByTestId('totals-capital').textContent?.replace(/\s/g, ' '),
    ];
    expect(figures(stage('lead'))).toEqual(['1', '150.000.000 USD']);
    expect(figures(stage('meeting'))).toEqual(['2', '100.000.000 USD']);
    expect(figures(stage('mou'))).toEqual(['1', '0 USD']);
    expect(figures(stage('contacted'))).toEqual(['0', '0 USD']);
    expect(figures(stage('lost'))).toEqual(['1', '10.000.000 USD']);
    expect(within(totals).getByTestId('totals-active')).toHaveTextContent(/4\s*250\.000\.000\sUSD/);
    expect(within(totals).getByTestId('totals-all')).toHaveTextContent(/5\s*260\.000\.000\sUSD/);

    const sectors = within(totals).getAllByTestId('totals-sector');
    expect(sectors.map((r) => r.dataset.sector)).toEqual(['electronics', 'semiconductors', 'logistics', '']);
    expect(figures(sectors[0])).toEqual(['2', '210.000.000 USD']);
    expect(sectors[0]).toHaveTextContent('Điện tử');
    expect(figures(sectors[3])).toEqual(['1', '0 USD']);
    expect(sectors[3]).toHaveTextContent('Chưa phân lĩnh vực');
    expect(within(totals).getByTestId('totals-other-currency')).toHaveTextContent('1 cơ hội');
    expect(within(totals).queryByTestId('totals-partial')).toBeNull();

    // The column headings carry the same figures.
    expect(within(column('meeting')).getByTestId('column-total')).toHaveTextContent(/2 · 100\.000\.000\sUSD/);
  });

  it('filters by owner and sector through the core, and keeps the choices', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId('pipeline-card');
    const owners = within(screen.getByTestId('filter-owner')).getAllByRole('option').map((o) => o.textContent);
    expect(owners).toEqual(['Tất cả', 'Lê Hà', 'Phạm Minh']);

    await fireEvent.change(screen.getByTestId('filter-owner'), { target: { value: 'Lê Hà' } });
    await fireEvent.change(screen.getByTestId('filter-sector'), { target: { value: 'electronics' } });
    await waitFor(() => {
      const query = callsOf(calls, 'list_records').at(-1)!.query as ListQuery;
      expect(query.filters).toEqual([
        { field: 'owner', value: 'Lê Hà' },
        { field: 'sectors', value: 'electronics' },
      ]);
    });
    expect(within(screen.getByTestId('filter-owner')).getAllByRole('option')).toHaveLength(3);
  });

  it('shows a sortable table instead of the board', async () => {
    core();
    render(PipelinePage);
    await screen.findAllByTestId('pipeline-card');
    await fireEvent.click(screen.getByTestId('pipeline-view-table'));

    const table = screen.getByTestId('pipeline-table');
    const order = () => within(table).getAllByTestId('pipeline-row').map((r) => Number(r.dataset.leadId));
    // By due date first: overdue ones on top, undated last.
    expect(order()).toEqual([1, 4, 2, 3, 5]);
    await fireEvent.click(within(table).getByTestId('sort-capital'));
    expect(order()).toEqual([1, 3, 2, 4, 5]);
    await fireEvent.click(within(table).getByTestId('sort-capital'));
    expect(order()).toEqual([5, 4, 2, 3, 1]);
    await fireEvent.click(within(table).getByTestId('sort-title'));
    expect(order()).toEqual([4, 3, 1, 2, 5]);
    expect(screen.queryByTestId('pipeline-board')).toBeNull();
  });

  it('loads a large pipeline in pages up to the cap and says how many are shown', async () => {
    const total = 4200;
    const calls = fakeCore({
      list_records: (args) => {
        const query = args.query as ListQuery;
        const count = Math.max(0, Math.min(query.limit ?? total, total - query.offset));
        const items = Array.from({ length: count }, (_, i) => storedLead(query.offset + i + 1, `Cơ hội ${query.offset + i + 1}`));
        return { items, total, offset: query.offset, limit: query.limit };
      },
      get_record: (args) => storedOrganization(Number(args.id), 'Công ty Bán dẫn Seoul'),
    });
    render(PipelinePage);

    expect(await screen.findByTestId('pipeline-count')).toHaveTextContent('Hiển thị 3.000 trên 4.200 cơ hội');
    const offsets = callsOf(calls, 'list_records').map((a) => (a.query as ListQuery).offset);
    expect(offsets).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(BOARD_CAP).toBe(3000);
    // Only the first 50 cards of a column are in the page; "show more" adds the next 50.
    expect(within(column('lead')).getAllByTestId('pipeline-card')).toHaveLength(50);
    await fireEvent.click(within(column('lead')).getByTestId('column-more'));
    expect(within(column('lead')).getAllByTestId('pipeline-card')).toHaveLength(100);
    expect(within(column('lead')).getByTestId('column-total')).toHaveTextContent('3.000');
    // The totals say they cover only what is loaded.
    expect(screen.getByTestId('totals-partial')).toHaveTextContent('3.000 cơ hội đang hiển thị, chưa phải toàn bộ 4.200');
  });
});

describe('pipeline totals', () => {
  it('add USD only, count each sector of a lead, and leave lost leads out of the active total', () => {
    const byStage = totalsByStage(LEADS);
    expect(byStage.meeting).toEqual({ count: 2, usdMinor: 100_000_000_00, otherCurrency: 0 });
    expect(byStage.mou).toEqual({ count: 1, usdMinor: 0, otherCurrency: 1 });
    expect(activeTotal(LEADS)).toEqual({ count: 4, usdMinor: 250_000_000_00, otherCurrency: 1 });
    expect(totalsBySector(LEADS)).toEqual([
      { sector: 'electronics', total: { count: 2, usdMinor: 210_000_000_00, otherCurrency: 0 } },
      { sector: 'semiconductors', total: { count: 1, usdMinor: 150_000_000_00, otherCurrency: 0 } },
      { sector: 'logistics', total: { count: 1, usdMinor: 40_000_000_00, otherCurrency: 0 } },
      { sector: '', total: { count: 1, usdMinor: 0, otherCurrency: 1 } },
    ]);
  });
});
