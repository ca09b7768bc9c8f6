import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { callsOf, fakeCore } from '../test-ipc';
import Settings from './Settings.svelte';

const info = {
  version: '0.1.0',
  db_path: '/home/lan/.local/share/delegation-planner/planner.db',
  schema_version: 3,
  demo_seeded_at: null,
};

describe('Settings', () => {
  it('switches the language at once and saves it', async () => {
    const calls = fakeCore({ app_info: () => info, save_settings: () => null });
    render(Settings);
    expect(await screen.findByText('Ngôn ngữ giao diện')).toBeInTheDocument();
    expect(await screen.findByTestId('app-info')).toHaveTextContent('/home/lan/.local/share/delegation-planner/planner.db');

    await fireEvent.click(screen.getByTestId('language-en'));

    expect(screen.getByText('Interface language')).toBeInTheDocument();
    expect(screen.getByText('Database schema version')).toBeInTheDocument();
    expect(screen.getByTestId('language-en')).toHaveAttribute('aria-pressed', 'true');
    await waitFor(() =>
      expect(callsOf(calls, 'save_settings')).toEqual([{ settings: { ui_language: 'en' } }]),
    );

    await fireEvent.click(screen.getByTestId('language-vi'));
    expect(screen.getByText('Ngôn ngữ giao diện')).toBeInTheDocument();
    await waitFor(() => expect(callsOf(calls, 'save_settings')).toHaveLength(2));
    expect(callsOf(calls, 'save_settings')[1]).toEqual({ settings: { ui_language: 'vi' } });
  });

  it('the app starts in the saved language and routes by the hash', async () => {
    fakeCore({
      get_settings: () => ({ ui_language: 'en' }),
      dashboard: () => ({ counts: [], upcoming_delegations: [], follow_ups: [], pipeline: [] }),
      app_info: () => info,
    });
    render(App);

    await waitFor(() => expect(screen.getByTestId('nav-delegations')).toHaveTextContent('Delegations'));
    for (const nav of ['dashboard', 'delegations', 'contacts', 'opportunities', 'briefs', 'exchange', 'settings']) {
      expect(screen.getByTestId(`nav-${nav}`)).toBeInTheDocument();
    }
    expect(await screen.findByTestId('dashboard-loaded')).toBeInTheDocument();
    expect(screen.getByTestId('nav-dashboard')).toHaveAttribute('aria-current', 'page');

    location.hash = '#/settings';
    expect(await screen.findByTestId('app-info')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings');
    expect(screen.getByTestId('nav-settings')).toHaveAttribute('aria-current', 'page');
  });
});
