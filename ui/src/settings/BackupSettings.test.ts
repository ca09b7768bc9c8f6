// Settings › Backups against the fake core: the last backup plainly shown, back up now, the list
// with sizes and counts, a check, folders from the dialog, the last idle failure, and a restore
// whose confirmation names the store and both counts, then lands on the dashboard.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { open } from '@tauri-apps/plugin-dialog';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupFile, BackupStatus, EntityKind, RestoreReport } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { TestId } from '../lib/test-ids';
import { callsOf, fakeCore, invalidPayload } from '../test-ipc';
import BackupSettings from './BackupSettings.svelte';
import { restoreNotice } from './restore-notice.svelte';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const openDialog = vi.mocked(open);

const STORE = '/home/lan/.local/share/delegation-planner/planner.db';
const FOLDER = '/home/lan/.local/share/delegation-planner/backups';
const KINDS: { kind: EntityKind; table: string }[] = [
  { kind: 'organizations', table: 'organizations' },
  { kind: 'contacts', table: 'contacts' },
  { kind: 'itinerary-items', table: 'itinerary_items' },
];

function backupAt(taken_at: string, organizations: number, kept = false): BackupFile {
  const name = `planner-${taken_at.replace(/[-:]/g, '')}-s14${kept ? '-kept' : ''}.db`;
  return {
    path: `${FOLDER}/${name}`,
    name,
    taken_at,
    schema_version: 14,
    bytes: 3 * 1024 * 1024 + 200 * 1024,
    kept,
    counts: { organizations, contacts: 40, itinerary_items: 0 },
    with_office_key: true,
    second_copy: null,
  };
}

function statusOf(last: BackupFile | null, change: Partial<BackupStatus> = {}): BackupStatus {
  return {
    store_path: STORE,
    store_counts: { organizations: 13, contacts: 41, itinerary_items: 2 },
    kinds: KINDS,
    folder: FOLDER,
    folder_is_default: true,
    second_folder: null,
    last_at: last?.taken_at ?? null,
    last_path: last?.path ?? null,
    last_failure: null,
    overdue: false,
    ...change,
  };
}

beforeEach(() => {
  setLanguage('vi');
  restoreNotice.current = null;
  openDialog.mockReset();
  location.hash = '#/settings';
});

describe('BackupSettings', () => {
  it('shows the last backup plainly, backs up now, lists sizes and counts, and checks one', async () => {
    let list = [backupAt('2026-11-27T07:30:00Z', 12)];
    const fresh = backupAt('2026-11-28T02:00:00Z', 13);
    const calls = fakeCore({
      backup_status: () => statusOf(list[0]),
      list_backups: () => list,
      backup_now: () => {
        list = [fresh, ...list];
        return fresh;
      },
      verify_backup: ({ path }) => ({ path, schema_version: 14, counts: {}, problems: [] }),
    });
    render(BackupSettings);
    expect(await screen.findByTestId(TestId.backupLastAt)).toHaveTextContent('27/11/2026');
    expect(screen.getByTestId(TestId.backupLastPath)).toHaveTextContent(list[0].path);
    expect(screen.getByTestId(TestId.backupFolder)).toHaveTextContent(FOLDER);
    const row = await screen.findByTestId(TestId.backupRow);
    expect(row).toHaveTextContent('3,2 MB');
    // Only the kinds the backup holds, named by their labels.
    expect(within(row).getByTestId(TestId.backupCounts)).toHaveTextContent('Tổ chức 12 · Người liên hệ 40');

    await fireEvent.click(screen.getByTestId(TestId.backupNow));
    expect(await screen.findByTestId(TestId.backupMade)).toHaveTextContent(fresh.name);
    await waitFor(() => expect(screen.getAllByTestId(TestId.backupRow)).toHaveLength(2));
    expect(screen.getByTestId(TestId.backupLastPath)).toHaveTextContent(fresh.path);

    await fireEvent.click(within(screen.getAllByTestId(TestId.backupRow)[1]).getByTestId(TestId.backupVerify));
    expect(await screen.findByTestId(TestId.backupVerified)).toHaveTextContent('Nguyên vẹn');
    expect(callsOf(calls, 'verify_backup')).toEqual([{ path: list[1].path }]);
  });

  it('says when the last automatic backup failed, and that there is none yet', async () => {
    fakeCore({
      backup_status: () =>
        statusOf(null, {
          last_failure: {
            at: '2026-11-28T03:00:00Z',
            error: { code: 'io', message_vi: 'Ổ đĩa đầy', message_en: 'The disk is full', fields: [] },
          },
        }),
      list_backups: () => [],
    });
    render(BackupSettings);
    expect(await screen.findByTestId(TestId.backupFailure)).toHaveTextContent('Ổ đĩa đầy');
    expect(screen.getByTestId(TestId.backupLast)).toHaveTextContent('Chưa có bản sao lưu nào.');
    expect(await screen.findByText('Thư mục sao lưu chưa có bản nào.')).toBeInTheDocument();
  });

  it('sets the second destination from the folder dialog, keeping the default folder', async () => {
    const calls = fakeCore({
      backup_status: () => statusOf(null),
      list_backups: () => [],
      set_backup_folders: ({ folder, second }) =>
        statusOf(null, { folder: folder ?? FOLDER, second_folder: second ?? null }),
    });
    render(BackupSettings);
    // A cancelled dialog changes nothing.
    openDialog.mockResolvedValueOnce(null);
    await fireEvent.click(await screen.findByTestId(TestId.backupChooseSecond));
    openDialog.mockResolvedValue('/media/lan/USB/sao-luu');
    await fireEvent.click(screen.getByTestId(TestId.backupChooseSecond));
    expect(await screen.findByTestId(TestId.backupSecondFolder)).toHaveTextContent('/media/lan/USB/sao-luu');
    expect(callsOf(calls, 'set_backup_folders')).toEqual([{ folder: null, second: '/media/lan/USB/sao-luu' }]);
    expect(openDialog).toHaveBeenLastCalledWith(expect.objectContaining({ directory: true, multiple: false }));
  });

  it('restores after a confirmation naming the store and both counts, then lands on the dashboard', async () => {
    const old = backupAt('2026-11-20T01:00:00Z', 12);
    let refuse = true;
    const report: RestoreReport = {
      restored_from: old.path.replace('.db', '-kept.db'),
      safety_backup: backupAt('2026-11-28T04:00:00Z', 13, true),
      schema_version: 14,
      counts: old.counts,
    };
    const calls = fakeCore({
      backup_status: () => statusOf(old),
      list_backups: () => [old],
      restore_backup: () => {
        if (refuse) throw invalidPayload([{ field: 'store', code: 'store_in_use', message_vi: 'Kho đang được mở ở nơi khác', message_en: 'The store is open elsewhere' }]);
        return report;
      },
      get_settings: () => ({ ui_language: 'en', travel_buffer_minutes: 30 }),
    });
    render(BackupSettings);
    await fireEvent.click(await screen.findByTestId(TestId.backupRestore));
    const panel = screen.getByTestId(TestId.restorePanel);
    expect(panel).toHaveTextContent('Khôi phục bản sao lưu lúc 20/11/2026');
    expect(within(panel).getByTestId(TestId.restoreStorePath)).toHaveTextContent(STORE);
    const counts = within(panel)
      .getAllByTestId(TestId.restoreCountRow)
      .map((r) => [...r.children].map((cell) => cell.textContent));
    expect(counts).toEqual([
      ['Tổ chức', '13', '12'],
      ['Người liên hệ', '41', '40'],
      ['Mục lịch trình', '2', '0'],
    ]);

    // Refused (another program holds the store): said, and nothing else happens.
    await fireEvent.click(within(panel).getByTestId(TestId.restoreConfirm));
    expect(await screen.findByTestId(TestId.restoreError)).toHaveTextContent('Kho đang được mở ở nơi khác');
    expect(location.hash).toBe('#/settings');

    refuse = false;
    await fireEvent.click(within(panel).getByTestId(TestId.restoreConfirm));
    await waitFor(() => expect(location.hash).toBe('#/'));
    expect(callsOf(calls, 'restore_backup')).toEqual([{ path: old.path }, { path: old.path }]);
    expect(restoreNotice.current).toEqual(report);
    // The settings are read again from the restored store (its language applies).
    expect(callsOf(calls, 'get_settings')).toHaveLength(1);
  });
});
