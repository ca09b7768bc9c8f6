import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../lib/bindings.gen';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, listOf, storedOpportunity } from '../test-ipc';
import OpportunityList from './OpportunityList.svelte';
import { TestId } from '../lib/test-ids';

describe('OpportunityList', () => {
  it('filters by kind, sector and status, sorted by name, and reads more as it scrolls', async () => {
    const many = Array.from({ length: 25 }, (_, i) => storedOpportunity(i + 1, { name_vi: `KCN số ${i + 1}` }));
    const calls = fakeCore({ list_records: listOf({ opportunities: many }) });
    const { container } = render(OpportunityList);

    expect(await screen.findAllByTestId(TestId.opportunityRow)).toHaveLength(20);
    expect(screen.getAllByTestId(TestId.opportunityRow)[0]).toHaveTextContent('Bán dẫn, Phần mềm, Nghiên cứu và phát triển');
    const query = () => callsOf(calls, 'list_records').at(-1)!.query as ListQuery;
    expect(query()).toMatchObject({ sort: 'name_vi', descending: false, limit: 20, offset: 0, filters: [] });

    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('1–15 trên 25');

    // Scrolling to the end reads the rows after the first 20 (jsdom: 36 px rows in 540 px).
    const grid = screen.getByRole('grid', { name: 'Cơ hội đầu tư' });
    grid.scrollTop = 10 * 36;
    await fireEvent.scroll(grid);
    await waitFor(() => expect(query().offset).toBe(20));
    await waitFor(() => expect(screen.getByText('KCN số 25')).toBeInTheDocument());
    expect(screen.getByTestId(TestId.pagerRange)).toHaveTextContent('11–25 trên 25');

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
