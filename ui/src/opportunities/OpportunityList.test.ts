import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../lib/bindings.gen';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, listOf, storedOpportunity } from '../test-ipc';
import OpportunityList from './OpportunityList.svelte';
import { TestId } from '../lib/test-ids';

describe('OpportunityList', () => {
  it('filters by kind, sector and status, sorted by name, and pages', async () => {
    const many = Array.from({ length: 25 }, (_, i) => storedOpportunity(i + 1, { name_vi: `KCN số ${i + 1}` }));
    const calls = fakeCore({ list_records: listOf({ opportunities: many }) });
    const { container } = render(OpportunityList);

    expect(await screen.findAllByTestId(TestId.opportunityRow)).toHaveLength(20);
    expect(screen.getAllByTestId(TestId.opportunityRow)[0]).toHaveTextContent('Bán dẫn, Phần mềm, Nghiên cứu và phát triển');
    const query = () => callsOf(calls, 'list_records').at(-1)!.query as ListQuery;
    expect(query()).toMatchObject({ sort: 'name_vi', descending: false, limit: 20, offset: 0, filters: [] });

    await fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(query().offset).toBe(20));

    await fireEvent.change(container.querySelector('[name="filter-sector"]')!, { target: { value: 'logistics' } });
    await fireEvent.change(container.querySelector('[name="filter-kind"]')!, { target: { value: 'logistics_centre' } });
    await fireEvent.change(container.querySelector('[name="filter-status"]')!, { target: { value: 'open' } });
    await waitFor(() =>
      expect(query().filters).toEqual([
        { field: 'kind', value: 'logistics_centre' },
        { field: 'sectors', value: 'logistics' },
        { field: 'status', value: 'open' },
      ]),
    );
    expect(query().offset).toBe(0);

    await fireEvent.click(screen.getByTestId(TestId.newOpportunity));
    expect(router.path).toBe('/opportunities/new');
  });
});
