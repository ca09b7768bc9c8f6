// The dashboard's backup status: the last backup's time and place in plain sight, a warning's
// colours when the core says a backup is overdue or the last automatic one failed, and a link to
// Settings › Backups.
import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { TestId } from '../lib/test-ids';
import { fakeCore } from '../test-ipc';
import BackupGlance from './BackupGlance.svelte';

const FOLDER = '/home/lan/.local/share/delegation-planner/backups';

function statusOf(change: Partial<BackupStatus> = {}): BackupStatus {
  return {
    store_path: '/home/lan/.local/share/delegation-planner/planner.db',
    store_counts: {},
    kinds: [],
    folder: FOLDER,
    folder_is_default: true,
    second_folder: null,
    last_at: '2026-11-27T07:30:00Z',
    last_path: `${FOLDER}/planner-20261127T073000Z-s14.db`,
    last_failure: null,
    overdue: false,
    ...change,
  };
}

beforeEach(() => setLanguage('vi'));

describe('BackupGlance', () => {
  it('shows when and where the last backup went, calmly, with a link to Settings › Backups', async () => {
    fakeCore({ backup_status: () => statusOf({ second_folder: '/media/lan/USB' }) });
    render(BackupGlance);
    const glance = await screen.findByTestId(TestId.backupGlance);
    expect(screen.getByTestId(TestId.backupGlanceLast)).toHaveTextContent('Lần sao lưu gần nhất: 27/11/2026');
    expect(glance).toHaveTextContent(`Nơi lưu: ${FOLDER}`);
    expect(glance).toHaveTextContent('Bản thứ hai: /media/lan/USB');
    expect(glance).toHaveAttribute('data-warning', 'false');
    expect(glance).toHaveClass('alert-info');
    expect(screen.queryByTestId(TestId.backupGlanceWarning)).toBeNull();
    expect(screen.getByTestId(TestId.backupGlanceLink)).toHaveAttribute('href', '#/settings?section=backups');
  });

  it('warns when a backup is overdue, when there is none, and when the last automatic one failed', async () => {
    setLanguage('en');
    fakeCore({ backup_status: () => statusOf({ overdue: true }) });
    const first = render(BackupGlance);
    expect(await screen.findByTestId(TestId.backupGlanceWarning)).toHaveTextContent(
      'nothing was backed up for more than a day',
    );
    expect(screen.getByTestId(TestId.backupGlance)).toHaveClass('alert-warning');
    first.unmount();

    fakeCore({ backup_status: () => statusOf({ overdue: true, last_at: null, last_path: null }) });
    const second = render(BackupGlance);
    expect(await screen.findByTestId(TestId.backupGlanceLast)).toHaveTextContent('No backup yet.');
    expect(screen.getByTestId(TestId.backupGlance)).toHaveAttribute('data-warning', 'true');
    second.unmount();

    fakeCore({
      backup_status: () =>
        statusOf({
          last_failure: {
            at: '2026-11-28T03:00:00Z',
            error: { code: 'disk_full', message_vi: 'Ổ đĩa đầy', message_en: 'The disk is full', fields: [] },
          },
        }),
    });
    render(BackupGlance);
    const warning = await screen.findByTestId(TestId.backupGlanceWarning);
    expect(warning).toHaveTextContent('The automatic backup at');
    expect(warning).toHaveTextContent('The disk is full');
    expect(screen.getByTestId(TestId.backupGlance)).toHaveAttribute('data-warning', 'true');
  });
});
