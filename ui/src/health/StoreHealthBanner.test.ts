// The store-health banner against the fake core: nothing on a sound store; read-only says why
// and that changes will be refused; damaged names what was found and the newest good backup,
// and restoring it goes through the Settings confirmation, then the banner goes.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupFile, BackupStatus, RestoreReport, StoreHealth } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { TestId } from '../lib/test-ids';
import { callsOf, fakeCore } from '../test-ipc';
import { restoreNotice } from '../settings/restore-notice.svelte';
import StoreHealthBanner from './StoreHealthBanner.svelte';
import { storeHealthState } from './store-health.svelte';

const STORE = '/home/lan/.local/share/delegation-planner/planner.db';
const GOOD: BackupFile = {
  path: '/home/lan/.local/share/delegation-planner/backups/planner-20261127T073000Z-s14.db',
  name: 'planner-20261127T073000Z-s14.db',
  taken_at: '2026-11-27T07:30:00Z',
  schema_version: 14,
  bytes: 900_000,
  kept: false,
  counts: { organizations: 39 },
  with_office_key: false,
  second_copy: null,
};

function health(change: Partial<StoreHealth> = {}): StoreHealth {
  return {
    store_path: STORE,
    read_only: null,
    may_sign: true,
    checking: false,
    damaged: false,
    findings: [],
    newest_good_backup: null,
    check_millis: 3,
    backup_millis: 0,
    ...change,
  };
}

const DAMAGED = health({
  damaged: true,
  findings: [
    {
      code: 'integrity',
      message: {
        vi: 'SQLite thấy tệp kho dữ liệu bị hỏng (2 lỗi): hãy khôi phục từ bản sao lưu',
        en: 'SQLite finds the store file damaged (2 problems): restore a backup',
      },
      count: 2,
      items: ['Tree 31 page 31: btreeInitPage() returns error code 11'],
    },
  ],
  newest_good_backup: GOOD,
  backup_millis: 40,
});

const STATUS: BackupStatus = {
  store_path: STORE,
  store_counts: { organizations: 39 },
  kinds: [{ kind: 'organizations', table: 'organizations' }],
  folder: '/home/lan/.local/share/delegation-planner/backups',
  folder_is_default: true,
  second_folder: null,
  last_at: GOOD.taken_at,
  last_path: GOOD.path,
  last_failure: null,
  overdue: false,
};

beforeEach(() => {
  setLanguage('vi');
  storeHealthState.current = null;
  restoreNotice.current = null;
  location.hash = '#/';
});

describe('StoreHealthBanner', () => {
  it('shows nothing on a sound store', async () => {
    const calls = fakeCore({ store_health: () => health() });
    render(StoreHealthBanner);
    await waitFor(() => expect(callsOf(calls, 'store_health')).toHaveLength(1));
    await waitFor(() => expect(storeHealthState.current).not.toBeNull());
    expect(screen.queryByTestId(TestId.storeHealthReadOnly)).toBeNull();
    expect(screen.queryByTestId(TestId.storeHealthDamaged)).toBeNull();
  });

  it('asks again while the check runs, showing read-only at once', async () => {
    let answers = 0;
    const calls = fakeCore({
      store_health: () => (++answers < 3 ? health({ read_only: 'file', checking: true }) : { ...DAMAGED, read_only: 'file' }),
    });
    render(StoreHealthBanner);
    expect(await screen.findByTestId(TestId.storeHealthReadOnly)).toHaveTextContent('Không ghi được vào tệp kho dữ liệu');
    expect(screen.queryByTestId(TestId.storeHealthDamaged)).toBeNull();
    expect(await screen.findByTestId(TestId.storeHealthDamaged, {}, { timeout: 3000 })).toBeInTheDocument();
    expect(callsOf(calls, 'store_health')).toHaveLength(3);
  });

  it('says a read-only store is read-only, why, and that changes will be refused', async () => {
    fakeCore({ store_health: () => health({ read_only: 'folder' }) });
    render(StoreHealthBanner);
    const banner = await screen.findByTestId(TestId.storeHealthReadOnly);
    expect(banner).toHaveTextContent('Kho dữ liệu chỉ đọc');
    expect(banner).toHaveTextContent('Không ghi được vào thư mục chứa kho dữ liệu');
    expect(banner).toHaveTextContent('mọi thay đổi sẽ bị từ chối');
    expect(banner).toHaveTextContent(STORE);
    setLanguage('en');
    await waitFor(() => expect(banner).toHaveTextContent('The store is read-only'));
  });

  it('says a team store whose role may only read is read-only, in words of the role, not of a file', async () => {
    fakeCore({ store_health: () => health({ store_path: '', read_only: 'team_role', may_sign: false }) });
    render(StoreHealthBanner);
    const banner = await screen.findByTestId(TestId.storeHealthReadOnly);
    expect(banner).toHaveTextContent('Kho dữ liệu chỉ đọc');
    expect(banner).toHaveTextContent('Vai trò của bạn trong kho dữ liệu chung chỉ được xem.');
    expect(banner).toHaveTextContent('mọi thay đổi sẽ bị từ chối');
    expect(banner).not.toHaveTextContent('Tệp:');
    setLanguage('en');
    await waitFor(() => expect(banner).toHaveTextContent('Your role on the team store may only read.'));
    expect(banner).toHaveTextContent('ask your IT staff for an officer role');
    expect(banner).not.toHaveTextContent('File:');
  });

  it('offers the newest good backup of a damaged store and restores it through the confirmation', async () => {
    let damaged = true;
    const report: RestoreReport = {
      restored_from: GOOD.path.replace('.db', '-kept.db'),
      safety_backup: { ...GOOD, name: 'planner.db.replaced-20261128T010000Z', kept: true },
      schema_version: 14,
      counts: GOOD.counts,
    };
    const calls = fakeCore({
      store_health: () => (damaged ? DAMAGED : health()),
      backup_status: () => STATUS,
      restore_backup: () => {
        damaged = false;
        return report;
      },
      get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 30 }),
    });
    render(StoreHealthBanner);
    const banner = await screen.findByTestId(TestId.storeHealthDamaged);
    expect(banner).toHaveTextContent('Kho dữ liệu bị hỏng');
    expect(banner).toHaveTextContent('SQLite thấy tệp kho dữ liệu bị hỏng (2 lỗi)');
    expect(within(banner).getByTestId(TestId.storeHealthBackup)).toHaveTextContent(GOOD.name);
    expect(within(banner).getByTestId(TestId.storeHealthBackup)).toHaveTextContent('27/11/2026');

    await fireEvent.click(within(banner).getByTestId(TestId.storeHealthRestore));
    const panel = await screen.findByTestId(TestId.restorePanel);
    expect(within(panel).getByTestId(TestId.restoreStorePath)).toHaveTextContent(STORE);
    const generation = storeHealthState.generation;
    await fireEvent.click(within(panel).getByTestId(TestId.restoreConfirm));
    await waitFor(() => expect(screen.queryByTestId(TestId.storeHealthDamaged)).toBeNull());
    expect(callsOf(calls, 'restore_backup')).toEqual([{ path: GOOD.path }]);
    expect(restoreNotice.current).toEqual(report);
    expect(storeHealthState.generation).toBe(generation + 1);
    expect(callsOf(calls, 'store_health')).toHaveLength(2);
  });

  it('says so when no backup passes its check', async () => {
    fakeCore({ store_health: () => ({ ...DAMAGED, newest_good_backup: null }) });
    render(StoreHealthBanner);
    const banner = await screen.findByTestId(TestId.storeHealthDamaged);
    expect(banner).toHaveTextContent('Không có bản sao lưu nào trong thư mục sao lưu qua được kiểm tra');
    expect(within(banner).queryByTestId(TestId.storeHealthRestore)).toBeNull();
  });
});
