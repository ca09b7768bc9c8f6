// The first-run screen: Vietnamese first with an English switch applied at once, the choices
// sent to the core as typed (defaults left to the core), the core's refusals beside their
// fields, folders from the dialog, and the app opening on it only for a store never set up.
import { open } from '@tauri-apps/plugin-dialog';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import App from '../App.svelte';
import type { FirstRunState } from '../lib/bindings.gen';
import { TestId, testIdOf } from '../lib/test-ids';
import { callsOf, fakeCore, invalidPayload } from '../test-ipc';
import FirstRun from './FirstRun.svelte';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));

const FRESH: FirstRunState = {
  set_up: false,
  data_folder: '/home/lan/.local/share/delegation-planner',
  backup_folder: '/home/lan/.local/share/delegation-planner/backups',
};
const DONE = { db_path: `${FRESH.data_folder}/planner.db`, demo_seeded: false, opened_existing: false };

const type = (id: string, value: string) => fireEvent.input(screen.getByTestId(id), { target: { value } });

describe('FirstRun', () => {
  it('switches to English at once and sends the choices, the default folders as none', async () => {
    const calls = fakeCore({ complete_first_run: () => DONE });
    const onDone = vi.fn();
    render(FirstRun, { shown: FRESH, onDone });
    expect(screen.getByTestId(TestId.firstRun)).toHaveTextContent('Chào mừng đến với Kế hoạch đoàn xúc tiến');
    expect(screen.getByTestId(TestId.firstRunDataFolder)).toHaveValue(FRESH.data_folder);
    expect(screen.getByTestId(TestId.firstRunBackupFolder)).toHaveValue(FRESH.backup_folder);
    expect(screen.getByText(`Mặc định: ${FRESH.data_folder}. Tệp kho dữ liệu planner.db nằm trong thư mục này.`)).toBeInTheDocument();

    await fireEvent.click(screen.getByTestId(testIdOf('language', 'en')));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Welcome to Delegation Planner');
    expect(screen.getByTestId(testIdOf('language', 'en'))).toHaveAttribute('aria-pressed', 'true');
    expect(callsOf(calls, 'save_settings')).toEqual([]);

    await type(testIdOf('profile', 'name_vi'), 'Trung tâm Xúc tiến Hà Nội');
    await type(testIdOf('profile', 'name_en'), 'Hanoi Promotion Centre');
    await type(testIdOf('profile', 'code'), 'ITPC-HN');
    await type(testIdOf('profile', 'country'), 'VN');
    await fireEvent.click(screen.getByTestId(TestId.firstRunFinish));
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(DONE));
    expect(callsOf(calls, 'complete_first_run')).toEqual([
      {
        choices: {
          ui_language: 'en',
          start_with: 'empty',
          office: { name_vi: 'Trung tâm Xúc tiến Hà Nội', name_en: 'Hanoi Promotion Centre', code: 'ITPC-HN', city: null, country: 'VN', email: null },
          data_folder: null,
          backup_folder: null,
        },
      },
    ]);
  });

  it('shows the core refusals beside their fields; a new data folder takes the backups with it', async () => {
    let refuse = true;
    const calls = fakeCore({
      complete_first_run: () => {
        if (refuse) {
          refuse = false;
          throw invalidPayload([
            { field: 'code', code: 'bad_office_code', message_vi: 'Mã văn phòng không hợp lệ', message_en: 'Bad office code' },
            { field: 'data_folder', code: 'bad_folder', message_vi: 'Thư mục phải là đường dẫn đầy đủ', message_en: 'The folder must be a full path' },
          ]);
        }
        return { ...DONE, demo_seeded: true };
      },
    });
    const onDone = vi.fn();
    render(FirstRun, { shown: FRESH, onDone });
    await fireEvent.click(screen.getByTestId(TestId.firstRunStartDemo));
    await type(testIdOf('profile', 'code'), 'vp hn');
    await type(TestId.firstRunDataFolder, 'du-lieu');
    expect(screen.getByTestId(TestId.firstRunBackupFolder)).toHaveValue('du-lieu/backups');
    await fireEvent.click(screen.getByTestId(TestId.firstRunFinish));
    expect(await screen.findByTestId(testIdOf('error', 'code'))).toHaveTextContent('Mã văn phòng không hợp lệ');
    expect(screen.getByTestId(testIdOf('error', 'data_folder'))).toHaveTextContent('Thư mục phải là đường dẫn đầy đủ');
    expect(onDone).not.toHaveBeenCalled();

    // A folder from the dialog replaces the typed one (and its error); the backups follow it.
    vi.mocked(open).mockResolvedValueOnce('/srv/xuctien');
    await fireEvent.click(screen.getByTestId(TestId.firstRunChooseData));
    await waitFor(() => expect(screen.getByTestId(TestId.firstRunDataFolder)).toHaveValue('/srv/xuctien'));
    expect(screen.getByTestId(TestId.firstRunBackupFolder)).toHaveValue('/srv/xuctien/backups');
    expect(screen.queryByTestId(testIdOf('error', 'data_folder'))).toBeNull();
    await type(testIdOf('profile', 'code'), '');
    await type(testIdOf('profile', 'name_vi'), '');
    await fireEvent.click(screen.getByTestId(TestId.firstRunFinish));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(callsOf(calls, 'complete_first_run')[1]).toEqual({
      choices: { ui_language: 'vi', start_with: 'demo', office: null, data_folder: '/srv/xuctien', backup_folder: null },
    });
  });

  it('opens the app on the first-run screen for a store never set up, then on the dashboard', async () => {
    let setUp = false;
    fakeCore({
      first_run_state: () => ({ ...FRESH, set_up: setUp }),
      complete_first_run: () => {
        setUp = true;
        return DONE;
      },
      get_settings: () => ({ ui_language: setUp ? 'en' : 'vi', travel_buffer_minutes: 30 }),
      dashboard: () => ({ counts: [], upcoming_delegations: [], follow_ups: [], pipeline: [] }),
      list_sectors: () => [],
    });
    location.hash = '#/settings';
    render(App);
    await screen.findByTestId(TestId.firstRun);
    expect(screen.queryByTestId(testIdOf('nav', 'dashboard'))).toBeNull();
    await fireEvent.click(screen.getByTestId(testIdOf('language', 'en')));
    await fireEvent.click(screen.getByTestId(TestId.firstRunFinish));
    await screen.findByTestId(TestId.dashboardLoaded);
    expect(location.hash).toBe('#/');
    expect(screen.queryByTestId(TestId.firstRun)).toBeNull();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Dashboard');
  });
});
