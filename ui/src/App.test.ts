// The shell: the pipeline in the navigation, and the search palette on Ctrl+K from any screen.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { SEARCHED_ORGANIZATIONS, searchOf } from './fixtures/core-answers';
import { fakeCore, listOf, storedLead } from './test-ipc';
import { TestId, testIdOf } from './lib/test-ids';

describe('App', () => {
  it('has the pipeline in the sidebar, and Ctrl+K opens search over any screen and leads to the hit', async () => {
    fakeCore({
      get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 45 }),
      dashboard: () => ({ counts: [], upcoming_delegations: [], follow_ups: [], pipeline: [] }),
      // Organisation 3 of the searched store is «Công ty Bán dẫn Seoul», which «ban dan» finds.
      list_records: listOf({ leads: [storedLead(1, 'Nhà máy bán dẫn Hòa Lạc', { organization_id: 3 })] }),
      get_record: (args) => SEARCHED_ORGANIZATIONS.find((o) => o.id === args.id),
      record_audit: () => [],
      search: searchOf(),
    });
    render(App);
    await screen.findByTestId(TestId.dashboardLoaded);

    const nav = screen.getByTestId(testIdOf('nav', 'pipeline'));
    expect(nav).toHaveAttribute('href', '#/pipeline');
    location.hash = '#/pipeline';
    expect(await screen.findByTestId(TestId.pipelineCard)).toHaveTextContent('Nhà máy bán dẫn Hòa Lạc');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Cơ hội theo dõi');
    expect(nav).toHaveAttribute('aria-current', 'page');

    // From inside a form field too.
    screen.getByTestId(TestId.filterOwner).focus();
    await fireEvent.keyDown(screen.getByTestId(TestId.filterOwner), { key: 'K', ctrlKey: true });
    const input = await screen.findByTestId(TestId.searchInput);
    await fireEvent.input(input, { target: { value: 'ban dan' } });
    await screen.findByTestId(TestId.searchHit);
    await fireEvent.keyDown(input, { key: 'Enter' });
    expect(await screen.findByTestId(TestId.organizationDetail)).toBeInTheDocument();
    await waitFor(() => expect(location.hash).toBe('#/contacts/organizations/3'));
    expect(screen.queryByTestId(TestId.searchPalette)).toBeNull();
  });
});
