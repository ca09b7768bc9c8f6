// After an erase, the notice offers (never forces) to remove the backups that still hold the
// person: it counts them, says why one might keep them, asks with a confirmation that says what
// goes and that a new backup comes first, and reports what was removed and any folder it could
// not reach. No backups before the erase: no offer.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import type { BackupFile, ErasedInBackups } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { TestId } from '../lib/test-ids';
import { callsOf, eraseReport, fakeCore } from '../test-ipc';
import EraseNotice from './EraseNotice.svelte';
import { eraseNotice } from './erase-notice.svelte';

const FOLDER = '/home/lan/.local/share/delegation-planner/backups';
const USB = '/media/lan/USB/sao-luu';

const held: ErasedInBackups = {
  erased_at: '2026-11-28T03:00:00.120Z',
  backups: [
    `${FOLDER}/planner-20261128T030000Z-s14.db`,
    `${USB}/planner-20261128T030000Z-s14.db`,
    `${FOLDER}/planner-20261120T010000Z-s14-kept.db`,
  ],
  unreachable: [],
};

const fresh: BackupFile = {
  path: `${FOLDER}/planner-20261128T030100Z-s14.db`,
  name: 'planner-20261128T030100Z-s14.db',
  taken_at: '2026-11-28T03:01:00Z',
  schema_version: 14,
  bytes: 1024,
  kept: false,
  counts: {},
  with_office_key: false,
  second_copy: `${USB}/planner-20261128T030100Z-s14.db`,
};

beforeEach(() => {
  setLanguage('en');
  eraseNotice.current = { name: 'Tanaka Hiroshi', report: eraseReport(7) };
});

describe('the offer to thin the backups after an erase', () => {
  it('counts the backups, asks with a confirmation that says what goes, and reports what was removed', async () => {
    const calls = fakeCore({
      backups_holding_erased: () => held,
      thin_backups_after_erase: () => ({ removed: held.backups, fresh, unreachable: [] }),
    });
    render(EraseNotice);
    const offer = await screen.findByTestId(TestId.eraseThinOffer);
    expect(offer).toHaveTextContent('3 backups taken before the erase still hold this person’s data');
    // Why one might keep them: the copy just before the erase is the way back from a mistake.
    expect(offer).toHaveTextContent('the only way to get this person back');
    expect(callsOf(calls, 'backups_holding_erased')).toEqual([{ contactId: 7 }]);

    // Cancelling the confirmation removes nothing.
    await fireEvent.click(within(offer).getByTestId(TestId.eraseThinAsk));
    await fireEvent.click(screen.getByTestId(TestId.eraseThinCancel));
    expect(screen.queryByTestId(TestId.eraseThinPanel)).toBeNull();
    expect(callsOf(calls, 'thin_backups_after_erase')).toHaveLength(0);

    await fireEvent.click(screen.getByTestId(TestId.eraseThinAsk));
    const panel = screen.getByTestId(TestId.eraseThinPanel);
    expect(panel).toHaveTextContent('Remove the 3 backups taken before this person was erased?');
    expect(panel).toHaveTextContent('in the backup folder and the second destination, including those kept from restores');
    expect(panel).toHaveTextContent('First the app backs up the store as it is now');
    expect(panel).toHaveTextContent('can no longer be brought back from a backup');
    await fireEvent.click(within(panel).getByTestId(TestId.eraseThinConfirm));

    const done = await screen.findByTestId(TestId.eraseThinDone);
    expect(done).toHaveTextContent(`Removed 3 older backups. New backup: ${fresh.name}`);
    expect(callsOf(calls, 'thin_backups_after_erase')).toEqual([{ contactId: 7 }]);
    expect(screen.queryByTestId(TestId.eraseThinOffer)).toBeNull();
  });

  it('names a second destination it could not reach, with the command to run once it is back', async () => {
    setLanguage('vi');
    fakeCore({
      backups_holding_erased: () => ({ ...held, backups: held.backups.slice(0, 1), unreachable: [USB] }),
      thin_backups_after_erase: () => ({ removed: held.backups.slice(0, 1), fresh, unreachable: [USB] }),
    });
    render(EraseNotice);
    await fireEvent.click(await screen.findByTestId(TestId.eraseThinAsk));
    await fireEvent.click(screen.getByTestId(TestId.eraseThinConfirm));
    const done = await screen.findByTestId(TestId.eraseThinDone);
    expect(done).toHaveTextContent('Đã xoá 1 bản sao lưu cũ.');
    expect(done).toHaveTextContent(`Không truy cập được ${USB}`);
    expect(done).toHaveTextContent('planner backup thin --erased 7 --yes');
  });

  it('offers nothing when no backup was taken before the erase', async () => {
    const calls = fakeCore({ backups_holding_erased: () => ({ ...held, backups: [] }) });
    render(EraseNotice);
    await screen.findByTestId(TestId.eraseReport);
    await Promise.resolve();
    expect(callsOf(calls, 'backups_holding_erased')).toHaveLength(1);
    expect(screen.queryByTestId(TestId.eraseThinOffer)).toBeNull();
  });
});
