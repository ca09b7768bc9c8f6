// The shell: the pipeline in the navigation, and the search palette on Ctrl+K from any screen.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { fakeCore, listOf, searchHit, searchOf, storedLead, storedOrganization } from './test-ipc';
import { TestId, testIdOf } from './lib/test-ids';

describe('App', () => {
  it('has the pipeline in the sidebar, and Ctrl+K opens search over any screen and leads to the hit', async () => {
    fakeCore({
      get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 45 }),
      dashboard: () => ({ counts: [], upcoming_delegations: [], follow_ups: [], pipeline: [] }),
      list_records: listOf({ leads: [storedLead(1, 'Nhà máy bán dẫn Hòa Lạc')] }),
      get_record: () => storedOrganization(8, 'Công ty Bán dẫn Seoul'),
      record_audit: () => [],
      search: searchOf([searchHit('organizations', 8, 'Công ty Bán dẫn Seoul', 'Seoul · KR')]),
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
    await waitFor(() => expect(location.hash).toBe('#/contacts/organizations/8'));
    expect(screen.queryByTestId(TestId.searchPalette)).toBeNull();
  });
});
