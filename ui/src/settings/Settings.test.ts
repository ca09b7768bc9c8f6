import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from '../App.svelte';
import { callsOf, fakeCore, invalidPayload } from '../test-ipc';
import Settings from './Settings.svelte';
import { TestId, testIdOf } from '../lib/test-ids';
import type { AppInfo } from '../lib/bindings.gen';

const info: AppInfo = {
  version: '0.1.0',
  build_date: '2026-12-04',
  db_path: '/home/lan/.local/share/delegation-planner/planner.db',
  schema_version: 3,
  demo_seeded_at: null,
  office_fingerprint: null,
};

describe('Settings', () => {
  it('switches the language at once and saves it', async () => {
    const calls = fakeCore({
      app_info: () => info,
      get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 45 }),
      save_settings: () => null,
    });
    render(Settings);
    expect(await screen.findByText('Ngôn ngữ giao diện')).toBeInTheDocument();
    expect(await screen.findByTestId(TestId.appInfo)).toHaveTextContent('/home/lan/.local/share/delegation-planner/planner.db');

    await fireEvent.click(screen.getByTestId(testIdOf('language', 'en')));

    expect(screen.getByText('Interface language')).toBeInTheDocument();
    expect(screen.getByText('Database schema version')).toBeInTheDocument();
    expect(screen.getByTestId(testIdOf('language', 'en'))).toHaveAttribute('aria-pressed', 'true');
    // The whole settings are saved, the travel buffer as it was.
    await waitFor(() =>
      expect(callsOf(calls, 'save_settings')).toEqual([{ settings: { ui_language: 'en', travel_buffer_minutes: 45 } }]),
    );

    await fireEvent.click(screen.getByTestId(testIdOf('language', 'vi')));
    expect(screen.getByText('Ngôn ngữ giao diện')).toBeInTheDocument();
    await waitFor(() => expect(callsOf(calls, 'save_settings')).toHaveLength(2));
    expect(callsOf(calls, 'save_settings')[1]).toEqual({ settings: { ui_language: 'vi', travel_buffer_minutes: 45 } });
  });

  it('saves the travel buffer with the settings, checking it first', async () => {
    let refuse = false;
    const calls = fakeCore({
      app_info: () => info,
      get_settings: () => ({ ui_language: 'en', travel_buffer_minutes: 30 }),
      save_settings: () => {
        if (refuse) {
          throw invalidPayload([
            {
              field: 'travel_buffer_minutes',
              code: 'out_of_range',
              message_vi: 'Thời gian di chuyển tối thiểu phải từ 0 đến 600 phút',
              message_en: 'The travel buffer must be between 0 and 600 minutes',
            },
          ]);
        }
        return null;
      },
    });
    render(Settings);
    const buffer = screen.getByTestId(TestId.travelBuffer);
    await waitFor(() => expect(buffer).toHaveValue(30));
    expect(screen.getByLabelText('Thời gian di chuyển tối thiểu (phút)')).toBe(buffer);

    await fireEvent.input(buffer, { target: { value: '700' } });
    await fireEvent.click(screen.getByTestId(TestId.travelBufferSave));
    expect(await screen.findByTestId(testIdOf('error', 'travel_buffer_minutes'))).toHaveTextContent('từ 0 đến 600');
    expect(buffer).toHaveAttribute('aria-invalid', 'true');
    expect(callsOf(calls, 'save_settings')).toHaveLength(0);

    await fireEvent.input(buffer, { target: { value: '45' } });
    await fireEvent.click(screen.getByTestId(TestId.travelBufferSave));
    expect(await screen.findByTestId(TestId.travelBufferSaved)).toHaveTextContent('Đã lưu');
    expect(screen.queryByTestId(testIdOf('error', 'travel_buffer_minutes'))).toBeNull();
    // The language read from the store is kept as it is.
    expect(callsOf(calls, 'save_settings')).toEqual([{ settings: { ui_language: 'en', travel_buffer_minutes: 45 } }]);

    refuse = true;
    await fireEvent.input(buffer, { target: { value: '60' } });
    await fireEvent.click(screen.getByTestId(TestId.travelBufferSave));
    expect(await screen.findByTestId(testIdOf('error', 'travel_buffer_minutes'))).toHaveTextContent('phải từ 0 đến 600 phút');
  });

  it('the app starts in the saved language and routes by the hash', async () => {
    fakeCore({
      get_settings: () => ({ ui_language: 'en', travel_buffer_minutes: 30 }),
      dashboard: () => ({ counts: [], upcoming_delegations: [], follow_ups: [], pipeline: [] }),
      app_info: () => info,
    });
    render(App);

    await waitFor(() => expect(screen.getByTestId(testIdOf('nav', 'delegations'))).toHaveTextContent('Delegations'));
    for (const nav of ['dashboard', 'delegations', 'contacts', 'directory', 'opportunities', 'briefs', 'exchange', 'settings']) {
      expect(screen.getByTestId(testIdOf('nav', nav))).toBeInTheDocument();
    }
    expect(await screen.findByTestId(TestId.dashboardLoaded)).toBeInTheDocument();
    expect(screen.getByTestId(testIdOf('nav', 'dashboard'))).toHaveAttribute('aria-current', 'page');

    location.hash = '#/settings';
    expect(await screen.findByTestId(TestId.appInfo)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Settings');
    expect(screen.getByTestId(testIdOf('nav', 'settings'))).toHaveAttribute('aria-current', 'page');
  });
});
