// Sectors from one list: every screen names them from the core's list (added ones too), forms
// pick them, and every list that shows sectors filters by any of them.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from './bindings.gen';
import { invalidPayload, addedSector, callsOf, fakeCore, listOf, storedOrganization, sectorsWith } from '../test-ipc';
import { pipelineAnswers, pipelineTotalsOf } from '../fixtures/core-answers';
import { setLanguage } from './i18n/index.svelte';
import { SECTORS } from './labels.gen';
import { addSector, allSectors, loadSectors, sectorLabel, sectorList } from './sectors.svelte';
import OrganizationForm from '../contacts/OrganizationForm.svelte';
import OrganizationList from '../contacts/OrganizationList.svelte';
import OpportunityList from '../opportunities/OpportunityList.svelte';
import PipelinePage from '../pipeline/PipelinePage.svelte';
import { TestId, testIdOf } from './test-ids';

const CHIPS = addedSector('chips_design', 'Thiết kế vi mạch', 'Chip design');

describe('the sector list', () => {
  it('is read once, names added sectors in both languages, and is read again after adding one', async () => {
    let list = sectorsWith(CHIPS);
    const calls = fakeCore({
      list_sectors: () => list,
      add_sector: (args) => {
        const sector = addedSector('fintech', args.nameVi, args.nameEn);
        list = [...list, sector];
        return sector;
      },
    });
    // Before the list is read, the generated names stand in; an unknown tag is shown readably.
    expect(sectorLabel('semiconductors')).toBe('Bán dẫn');
    expect(sectorLabel('chips_design')).toBe('chips design');
    await Promise.all([loadSectors(), loadSectors()]);
    expect(callsOf(calls, 'list_sectors')).toHaveLength(1);
    expect(sectorList(['semiconductors', 'chips_design', 'data_centers'])).toBe('Bán dẫn, Thiết kế vi mạch, Trung tâm dữ liệu');
    setLanguage('en');
    expect(sectorLabel('chips_design')).toBe('Chip design');

    await addSector('Công nghệ tài chính', 'Fintech');
    expect(callsOf(calls, 'list_sectors')).toHaveLength(2);
    expect(sectorLabel('fintech')).toBe('Fintech');
    expect(allSectors().map((s) => s.tag).slice(-2)).toEqual(['chips_design', 'fintech']);
  });

  it('is picked in a form, never typed: the ticked tags are sent, the core refusal shown beside it', async () => {
    const calls = fakeCore({
      list_sectors: () => sectorsWith(CHIPS),
      list_records: listOf({}),
      create_record: () => {
        throw invalidPayload([
          { field: 'sectors[1]', code: 'unknown_sector', message_vi: 'Lĩnh vực không có trong danh sách', message_en: 'Not a listed sector' },
        ]);
      },
    });
    const { container } = render(OrganizationForm);
    const picker = await screen.findByTestId(testIdOf('tags', 'sectors'));
    expect(container.querySelector('input[type="text"][name="sectors"]')).toBeNull();
    await fireEvent.input(screen.getByLabelText(/Tên tiếng Việt/), { target: { value: 'Công ty A' } });
    await fireEvent.input(screen.getByLabelText(/Quốc gia/), { target: { value: 'KR' } });
    await fireEvent.click(within(picker).getByRole('checkbox', { name: 'Bán dẫn' }));
    await fireEvent.click(await within(picker).findByRole('checkbox', { name: 'Thiết kế vi mạch' }));
    await fireEvent.click(screen.getByTestId(TestId.save));
    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    expect((callsOf(calls, 'create_record')[0].data as { sectors: string[] }).sectors).toEqual(['semiconductors', 'chips_design']);
    expect(await screen.findByTestId(testIdOf('error', 'sectors'))).toHaveTextContent('Lĩnh vực không có trong danh sách');
    // Changing the sectors picked makes the refusal stale.
    await fireEvent.click(within(picker).getByRole('checkbox', { name: 'Thiết kế vi mạch' }));
    expect(screen.queryByTestId(testIdOf('error', 'sectors'))).toBeNull();
  });
});

describe('every list that shows sectors filters by any sector', () => {
  const optionsOf = async () => {
    const select = await screen.findByTestId(TestId.filterSector);
    await waitFor(() => expect(within(select).queryByRole('option', { name: 'Thiết kế vi mạch' })).not.toBeNull());
    return within(select).getAllByRole('option').map((o) => (o as HTMLOptionElement).value);
  };
  const every = ['', ...Object.keys(SECTORS), 'chips_design'];

  it('opportunities (real estate too)', async () => {
    fakeCore({ list_sectors: () => sectorsWith(CHIPS), list_records: listOf({}) });
    render(OpportunityList);
    const options = await optionsOf();
    expect(options).toEqual(every);
    expect(options).toContain('real_estate');
  });

  it('organisations, sending the sector to the core', async () => {
    const calls = fakeCore({
      list_sectors: () => sectorsWith(CHIPS),
      list_records: listOf({ organizations: [storedOrganization(1, 'Công ty A', { sectors: ['chips_design'] })] }),
    });
    render(OrganizationList);
    expect(await optionsOf()).toEqual(every);
    expect(await screen.findByTestId(TestId.organizationRow)).toHaveTextContent('Thiết kế vi mạch');
    await fireEvent.change(screen.getByTestId(TestId.filterSector), { target: { value: 'chips_design' } });
    await waitFor(() =>
      expect((callsOf(calls, 'list_records').at(-1)!.query as ListQuery).filters).toEqual([{ field: 'sectors', value: 'chips_design' }]),
    );
  });

  it('the pipeline, with a tag its leads hold that the list lacks', async () => {
    const board = pipelineAnswers('board');
    const leads = board.leads.map((l, i) => (i === 0 ? { ...l, sectors: [...l.sectors, 'legacy_tag'] } : l));
    fakeCore({
      list_sectors: () => sectorsWith(CHIPS),
      list_records: listOf({ leads }),
      get_record: (args) => board.organizations.find((o) => o.id === args.id),
      pipeline_totals: pipelineTotalsOf(() => board.leads),
    });
    render(PipelinePage);
    await screen.findAllByTestId(TestId.pipelineCard);
    await waitFor(async () => expect(await optionsOf()).toEqual([...every, 'legacy_tag']));
  });
});
