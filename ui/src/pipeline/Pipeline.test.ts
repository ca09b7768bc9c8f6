import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Lead, ListQuery, PipelineTotals, Stored } from '../lib/bindings.gen';
import { pipelineAnswers, pipelineTotals, pipelineTotalsOf } from '../fixtures/core-answers';
import { callsOf, fakeCore, invalidPayload, listOf, storedLead, storedOrganization } from '../test-ipc';
import { router } from '../lib/router.svelte';
import { BOARD_CAP, stageTotal } from './pipeline';
import PipelinePage from './PipelinePage.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

// The five leads of the board as the core stores them, with the core's totals over them
// (crates/core/tests/core/fixtures.rs): two owners, one overdue, one lost, one in yen, one
// without a sector; organisation 1 is «Công ty Bán dẫn Seoul», 2 «XYZ Logistics».
const BOARD = pipelineAnswers('board');
const LEADS: Stored<Lead>[] = BOARD.leads;

const LOST_REQUIRED = invalidPayload([
  {
    field: 'lost_reason',
    code: 'required',
    message_vi: 'Cần nêu lý do khi chuyển sang «Không thành công»',
    message_en: 'A reason is required when a lead is lost',
  },
]);

/**
 * The fake core of the pipeline: the leads, their organisations, updates saved like the core's,
 * and the core's totals of the leads as they are now.
 */
/**
 * The fake core over `initial` leads. Its totals are the real core's over those leads, unless a
 * test that does not look at them gives a store's (`totalsOf`).
 */
function core(initial: Stored<Lead>[] = LEADS, totalsOf?: string) {
  let leads = initial;
  return fakeCore({
    list_records: listOf({ leads }),
    get_record: (args) => BOARD.organizations.find((o) => o.id === args.id),
    update_record: (args) => {
      const patch = args.patch as Partial<Lead>;
      if (patch.stage === 'lost' && !patch.lost_reason?.trim()) throw LOST_REQUIRED;
      const lead = leads.find((l) => l.id === args.id)!;
      // As the core does: each change is a new revision.
      const saved = { ...lead, ...patch, revision: lead.revision + 1 };
      leads = leads.map((l) => (l.id === saved.id ? saved : l));
      return saved;
    },
    pipeline_totals: totalsOf ? () => pipelineTotals(totalsOf) : pipelineTotalsOf(() => leads),
  });
}

const column = (stage: string) => screen.getAllByTestId(TestId.pipelineColumn).find((c) => c.dataset.stage === stage)!;
const card = (id: number) => screen.getAllByTestId(TestId.pipelineCard).find((c) => c.dataset.leadId === String(id))!;
const cardIds = (stage: string) => within(column(stage)).queryAllByTestId(TestId.pipelineCard).map((c) => Number(c.dataset.leadId));

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
    await screen.findAllByTestId(TestId.pipelineCard);

    expect(screen.getAllByTestId(TestId.pipelineColumn).map((c) => c.dataset.stage)).toEqual([
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
    expect(screen.getByTestId(TestId.pipelineCount)).toHaveTextContent('5 cơ hội');

    const first = card(1);
    expect(within(first).getByTestId(TestId.cardTitle)).toHaveTextContent('Nhà máy bán dẫn Hòa Lạc');
    // The title opens the lead's page.
    expect(within(first).getByTestId(TestId.cardTitle)).toHaveAttribute('href', '#/pipeline/leads/1');
    await waitFor(() => expect(within(first).getByTestId(TestId.cardOrganization)).toHaveTextContent('Công ty Bán dẫn Seoul'));
    expect(within(first).getByTestId(TestId.cardOrganization)).toHaveAttribute('href', '#/contacts/organizations/1');
    expect(within(first).getByTestId(TestId.cardCapital)).toHaveTextContent(/^150\.000\.000\sUSD$/);
    expect(within(first).getByTestId(TestId.cardOwner)).toHaveTextContent('Lê Hà');
    expect(within(first).getByTestId(TestId.cardNext)).toHaveTextContent('Gửi hồ sơ khu đất');
    expect(first).toHaveClass('overdue');
    expect(within(first).getByTestId(TestId.cardDue)).toHaveTextContent('Quá hạn');
    expect(card(2)).not.toHaveClass('overdue');
    // A lost lead is never overdue.
    expect(card(4)).not.toHaveClass('overdue');
    expect(within(card(4)).getByTestId(TestId.cardLostReason)).toHaveTextContent('Chọn địa điểm ở Thái Lan');

    // Loaded in pages from the store, most recently updated first.
    const query = callsOf(calls, 'list_records')[0].query as ListQuery;
    expect(query).toMatchObject({ sort: 'updated_at', descending: true, offset: 0, limit: 500, filters: [] });
    // Each organisation read once.
    await waitFor(() => expect(callsOf(calls, 'get_record')).toHaveLength(2));
  });

  it('moves a card with its stage menu: update_record with the new stage, then the card changes column', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId(TestId.pipelineCard);

    await fireEvent.change(within(card(2)).getByTestId(TestId.cardStage), { target: { value: 'site_visit' } });
    await waitFor(() => expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'leads', id: 2, patch: { stage: 'site_visit' } }]));
    await waitFor(() => expect(cardIds('site_visit')).toEqual([2]));
    expect(cardIds('meeting')).toEqual([3]);
    expect(within(card(2)).getByTestId(TestId.cardStage)).toHaveValue('site_visit');
    // The core totals again once the lead has moved.
    await waitFor(() => expect(callsOf(calls, 'pipeline_totals')).toHaveLength(2));
    const row = (stage: string) => screen.getAllByTestId(TestId.totalsStage).find((r) => r.dataset.stage === stage)!;
    await waitFor(() => expect(within(row('meeting')).getByTestId(TestId.totalsCount)).toHaveTextContent('1'));
    expect(within(row('site_visit')).getByTestId(TestId.totalsCount)).toHaveTextContent('1');
    expect(within(column('site_visit')).getByTestId(TestId.columnTotal)).toHaveTextContent(/1 · 40\.000\.000\sUSD/);
  });

  it('says where a moved lead went, with a link to it, until closed', async () => {
    core(LEADS, 'board'); // the totals are not what this test looks at
    render(PipelinePage);
    await screen.findAllByTestId(TestId.pipelineCard);
    expect(screen.queryByTestId(TestId.stageMoved)).toBeNull();

    await fireEvent.change(within(card(2)).getByTestId(TestId.cardStage), { target: { value: 'site_visit' } });
    const moved = await screen.findByTestId(TestId.stageMoved);
    expect(moved).toHaveAttribute('role', 'status');
    expect(moved).toHaveTextContent(`«${LEADS[1].title}» đã chuyển sang «Khảo sát thực địa»`);
    expect(within(moved).getByTestId(TestId.stageMovedLink)).toHaveAttribute('href', '#/pipeline/leads/2');

    // A lost lead says so too, once its reason is saved.
    await fireEvent.change(within(card(3)).getByTestId(TestId.cardStage), { target: { value: 'lost' } });
    await fireEvent.input(within(card(3)).getByTestId(TestId.lostReason), { target: { value: 'Chọn Indonesia' } });
    await fireEvent.click(within(card(3)).getByTestId(TestId.lostConfirm));
    await waitFor(() => expect(screen.getByTestId(TestId.stageMoved)).toHaveTextContent('sang «Không thành công»'));
    expect(within(screen.getByTestId(TestId.stageMoved)).getByTestId(TestId.stageMovedLink)).toHaveAttribute('href', '#/pipeline/leads/3');

    await fireEvent.click(within(screen.getByTestId(TestId.stageMoved)).getByRole('button'));
    expect(screen.queryByTestId(TestId.stageMoved)).toBeNull();
  });

  it('moves a card dragged onto another column', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId(TestId.pipelineCard);

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
    await screen.findAllByTestId(TestId.pipelineCard);

    await fireEvent.change(within(card(3)).getByTestId(TestId.cardStage), { target: { value: 'lost' } });
    const prompt = within(card(3)).getByTestId(TestId.lostPrompt);
    expect(callsOf(calls, 'update_record')).toHaveLength(0);
    expect(within(card(3)).getByTestId(TestId.cardStage)).toHaveValue('meeting');

    // Without a reason the core refuses; its message shows under the reason.
    await fireEvent.click(within(prompt).getByTestId(TestId.lostConfirm));
    const error = await within(card(3)).findByTestId(testIdOf('error', 'lost_reason'));
    expect(error).toHaveTextContent('Cần nêu lý do khi chuyển sang «Không thành công»');
    expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'leads', id: 3, patch: { stage: 'lost', lost_reason: null } }]);
    expect(within(card(3)).getByTestId(TestId.lostReason)).toHaveAttribute('aria-invalid', 'true');
    expect(cardIds('meeting')).toEqual([2, 3]);

    await fireEvent.input(within(card(3)).getByTestId(TestId.lostReason), { target: { value: 'Nhà đầu tư chọn Indonesia' } });
    await fireEvent.click(within(card(3)).getByTestId(TestId.lostConfirm));
    await waitFor(() => expect(cardIds('lost')).toEqual([4, 3]));
    expect(callsOf(calls, 'update_record')[1]).toEqual({
      kind: 'leads',
      id: 3,
      patch: { stage: 'lost', lost_reason: 'Nhà đầu tư chọn Indonesia' },
    });
    expect(screen.queryByTestId(TestId.lostPrompt)).toBeNull();
  });

  it('asks for the reason when a card is dropped on the lost column, and can be cancelled', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId(TestId.pipelineCard);

    await fireEvent.dragStart(card(2), { dataTransfer: dataTransfer() });
    await fireEvent.dragOver(column('lost'), { dataTransfer: dataTransfer() });
    await fireEvent.drop(column('lost'), { dataTransfer: dataTransfer() });
    expect(within(card(2)).getByTestId(TestId.lostPrompt)).toBeInTheDocument();
    expect(callsOf(calls, 'update_record')).toHaveLength(0);

    await fireEvent.click(within(card(2)).getByTestId(TestId.lostCancel));
    expect(screen.queryByTestId(TestId.lostPrompt)).toBeNull();
    expect(cardIds('meeting')).toEqual([2, 3]);
  });

  it('shows the core’s totals: count, USD capital and jobs by stage and by sector (lost left out, other currencies noted)', async () => {
    const calls = core();
    render(PipelinePage);
    const totals = await screen.findByTestId(TestId.pipelineTotals);
    expect(callsOf(calls, 'pipeline_totals')).toEqual([{ filter: { owner: null, sector: null } }]);

    const stage = (s: string) => within(totals).getAllByTestId(TestId.totalsStage).find((r) => r.dataset.stage === s)!;
    const figures = (row: HTMLElement) => [
      within(row).getByTestId(TestId.totalsCount).textContent,
      within(row).getByTestId(TestId.totalsCapital).textContent?.replace(/\s/g, ' '),
    ];
    expect(figures(stage('lead'))).toEqual(['1', '150.000.000 USD']);
    expect(within(stage('lead')).getByTestId(TestId.totalsJobs)).toHaveTextContent('450');
    expect(within(stage('meeting')).getByTestId(TestId.totalsJobs)).toHaveTextContent('120');
    expect(figures(stage('meeting'))).toEqual(['2', '100.000.000 USD']);
    expect(figures(stage('mou'))).toEqual(['1', '0 USD']);
    expect(figures(stage('contacted'))).toEqual(['0', '0 USD']);
    expect(figures(stage('lost'))).toEqual(['1', '10.000.000 USD']);
    expect(within(totals).getByTestId(TestId.totalsActive)).toHaveTextContent(/4\s*250\.000\.000\sUSD/);
    expect(within(totals).getByTestId(TestId.totalsAll)).toHaveTextContent(/5\s*260\.000\.000\sUSD\s*570/);

    const sectors = within(totals).getAllByTestId(TestId.totalsSector);
    expect(sectors.map((r) => r.dataset.sector)).toEqual(['electronics', 'semiconductors', 'logistics', '']);
    expect(figures(sectors[0])).toEqual(['2', '210.000.000 USD']);
    expect(sectors[0]).toHaveTextContent('Điện tử');
    expect(figures(sectors[3])).toEqual(['1', '0 USD']);
    expect(sectors[3]).toHaveTextContent('Chưa phân lĩnh vực');
    expect(within(totals).getByTestId(TestId.totalsOtherCurrency)).toHaveTextContent('1 cơ hội');

    // The column headings carry the same figures.
    expect(within(column('meeting')).getByTestId(TestId.columnTotal)).toHaveTextContent(/2 · 100\.000\.000\sUSD/);
  });

  it('filters by owner and sector through the core, and keeps the choices', async () => {
    const calls = core();
    render(PipelinePage);
    await screen.findAllByTestId(TestId.pipelineCard);
    const owners = within(screen.getByTestId(TestId.filterOwner)).getAllByRole('option').map((o) => o.textContent);
    expect(owners).toEqual(['Tất cả', 'Lê Hà', 'Phạm Minh']);

    await fireEvent.change(screen.getByTestId(TestId.filterOwner), { target: { value: 'Lê Hà' } });
    await fireEvent.change(screen.getByTestId(TestId.filterSector), { target: { value: 'electronics' } });
    await waitFor(() => {
      const query = callsOf(calls, 'list_records').at(-1)!.query as ListQuery;
      expect(query.filters).toEqual([
        { field: 'owner', value: 'Lê Hà' },
        { field: 'sectors', value: 'electronics' },
      ]);
      expect(callsOf(calls, 'pipeline_totals').at(-1)).toEqual({ filter: { owner: 'Lê Hà', sector: 'electronics' } });
    });
    // The totals are those of the filtered leads (1 and 3).
    await waitFor(() => expect(within(screen.getByTestId(TestId.totalsAll)).getByTestId(TestId.totalsCount)).toHaveTextContent('2'));
    expect(within(screen.getByTestId(TestId.filterOwner)).getAllByRole('option')).toHaveLength(3);
  });

  it('shows a sortable table instead of the board', async () => {
    core();
    render(PipelinePage);
    await screen.findAllByTestId(TestId.pipelineCard);
    await fireEvent.click(screen.getByTestId(TestId.pipelineViewTable));

    const table = screen.getByTestId(TestId.pipelineTable);
    const order = () => within(table).getAllByTestId(TestId.pipelineRow).map((r) => Number(r.dataset.leadId));
    // By due date first: overdue ones on top, undated last.
    await waitFor(() => expect(order()).toEqual([1, 4, 2, 3, 5]));
    await fireEvent.click(within(table).getByTestId(testIdOf('sort', 'capital')));
    await waitFor(() => expect(order()).toEqual([1, 3, 2, 4, 5]));
    await fireEvent.click(within(table).getByTestId(testIdOf('sort', 'capital')));
    await waitFor(() => expect(order()).toEqual([5, 4, 2, 3, 1]));
    await fireEvent.click(within(table).getByTestId(testIdOf('sort', 'title')));
    await waitFor(() => expect(order()).toEqual([4, 3, 1, 2, 5]));
    expect(screen.queryByTestId(TestId.pipelineBoard)).toBeNull();
    // Each title opens its lead.
    const first = within(table).getAllByTestId(TestId.pipelineRow)[0];
    expect(within(first).getByTestId(TestId.rowTitle)).toHaveAttribute('href', '#/pipeline/leads/4');
  });

  it('draws only the table rows in view, scrolls to the rest, and opens a row’s lead with Enter', async () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      storedLead(i + 1, `Cơ hội ${String(i + 1).padStart(3, '0')}`, { organization_id: 100 + i, due_at: null }),
    );
    core(many, 'every stage'); // the totals are not what this test looks at
    render(PipelinePage);
    await screen.findAllByTestId(TestId.pipelineCard);
    await fireEvent.click(screen.getByTestId(TestId.pipelineViewTable));

    // jsdom has no layout: the list's 36 px rows in 540 px put 15 rows in view and 5 more below.
    const table = screen.getByTestId(TestId.pipelineTable);
    await waitFor(() => expect(within(table).getAllByTestId(TestId.pipelineRow)).toHaveLength(20));
    expect(within(table).getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 250');
    const grid = within(table).getByRole('grid', { name: 'Cơ hội theo dõi' });
    expect(within(grid).getAllByRole('columnheader')).toHaveLength(7);
    expect(within(grid).getAllByRole('columnheader')[0]).toHaveAttribute('aria-sort', 'none');
    expect(within(grid).getAllByRole('columnheader')[5]).toHaveAttribute('aria-sort', 'ascending');

    grid.scrollTop = 235 * 36;
    await fireEvent.scroll(grid);
    await waitFor(() => expect(within(table).getAllByTestId(TestId.pipelineRow).at(-1)).toHaveTextContent('Cơ hội 250'));
    expect(within(table).getByTestId(TestId.pagerRange)).toHaveTextContent('236–250 trên 250');
    expect(within(table).getAllByTestId(TestId.pipelineRow).at(-1)).toHaveAttribute('data-lead-id', '250');

    grid.focus();
    await fireEvent.keyDown(grid, { key: 'End' });
    await fireEvent.keyDown(grid, { key: 'Enter' });
    expect(router.path).toBe('/pipeline/leads/250');
  });

  it('says so when no lead matches, in the table too', async () => {
    core([], 'every stage');
    render(PipelinePage);
    await fireEvent.click(await screen.findByTestId(TestId.pipelineViewTable));
    expect(await within(screen.getByTestId(TestId.pipelineTable)).findByText('Không có cơ hội nào phù hợp.')).toBeInTheDocument();
  });

  it('loads a large pipeline in pages up to the cap, with the core’s totals over all of it', async () => {
    const total = 4200;
    const lead = { count: total, expected_capital_usd_minor: 4200 * 1_000_00, other_currency: 0, jobs: 8400 };
    const none = { count: 0, expected_capital_usd_minor: 0, other_currency: 0, jobs: 0 };
    const totals: PipelineTotals = {
      stages: ['lead', 'contacted', 'meeting', 'site_visit', 'mou', 'licensed', 'aftercare', 'lost'].map((stage) => ({
        stage: stage as Lead['stage'],
        total: stage === 'lead' ? lead : none,
      })),
      sectors: [{ sector: '', all: lead, active: lead }],
      all: lead,
      active: lead,
      overdue_follow_ups: 0,
      upcoming_follow_ups: 0,
    };
    const calls = fakeCore({
      pipeline_totals: () => totals,
      list_records: (args) => {
        const query = args.query as ListQuery;
        const count = Math.max(0, Math.min(query.limit ?? total, total - query.offset));
        const items = Array.from({ length: count }, (_, i) => storedLead(query.offset + i + 1, `Cơ hội ${query.offset + i + 1}`));
        return { items, total, offset: query.offset, limit: query.limit };
      },
      get_record: (args) => storedOrganization(Number(args.id), 'Công ty Bán dẫn Seoul'),
    });
    render(PipelinePage);

    expect(await screen.findByTestId(TestId.pipelineCount)).toHaveTextContent('Hiển thị 3.000 trên 4.200 cơ hội');
    const offsets = callsOf(calls, 'list_records').map((a) => (a.query as ListQuery).offset);
    expect(offsets).toEqual([0, 500, 1000, 1500, 2000, 2500]);
    expect(BOARD_CAP).toBe(3000);
    // Only the first 50 cards of a column are in the page; "show more" adds the next 50.
    expect(within(column('lead')).getAllByTestId(TestId.pipelineCard)).toHaveLength(50);
    await fireEvent.click(within(column('lead')).getByTestId(TestId.columnMore));
    expect(within(column('lead')).getAllByTestId(TestId.pipelineCard)).toHaveLength(100);
    // Totals count every lead, not the 3,000 loaded.
    expect(within(column('lead')).getByTestId(TestId.columnTotal)).toHaveTextContent(/4\.200 · 4\.200\.000\sUSD/);
    expect(within(screen.getByTestId(TestId.totalsAll)).getByTestId(TestId.totalsCount)).toHaveTextContent('4.200');
    expect(within(screen.getByTestId(TestId.totalsAll)).getByTestId(TestId.totalsJobs)).toHaveTextContent('8.400');
    expect(callsOf(calls, 'pipeline_totals')).toHaveLength(1);
  });

  it('shows the core’s error when the totals cannot be computed, and the board still', async () => {
    fakeCore({
      list_records: listOf({ leads: LEADS }),
      get_record: (args) => storedOrganization(Number(args.id), 'Công ty Bán dẫn Seoul'),
      pipeline_totals: () => {
        throw { code: 'database', message_vi: 'Lỗi cơ sở dữ liệu: đĩa đầy', message_en: 'database error: disk full', fields: [] };
      },
    });
    render(PipelinePage);
    expect(await screen.findByRole('alert')).toHaveTextContent('Lỗi cơ sở dữ liệu: đĩa đầy');
    expect(await screen.findAllByTestId(TestId.pipelineCard)).toHaveLength(5);
    expect(screen.queryByTestId(TestId.pipelineTotals)).toBeNull();
    expect(screen.queryAllByTestId(TestId.columnTotal)).toHaveLength(0);
  });
});

describe('stageTotal', () => {
  it('reads one stage of the core’s totals, zeros before they arrive', () => {
    expect(stageTotal(null, 'mou')).toEqual({ count: 0, expected_capital_usd_minor: 0, other_currency: 0, jobs: 0 });
    const totals = pipelineTotals('board');
    expect(stageTotal(totals, 'mou')).toEqual({ count: 1, expected_capital_usd_minor: 0, other_currency: 1, jobs: 0 });
    expect(stageTotal(totals, 'meeting')).toEqual({ count: 2, expected_capital_usd_minor: 100_000_000_00, other_currency: 0, jobs: 120 });
  });
});
