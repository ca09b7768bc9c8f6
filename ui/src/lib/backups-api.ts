// Typed wrappers of the `backups` commands (declared in crates/core/src/commands/declared.rs,
// signatures in commands.gen.ts): the Settings screen's backups. Kept apart from api.ts as the
// exchange group is; the same `call` turns every rejection into an `ApiError`.

import { open } from '@tauri-apps/plugin-dialog';
import { ApiError, call, toErrorPayload } from './api';

/** The last backup (when, where), the folders, the last idle failure, the store's counts. */
export const backupStatus = () => call('backup_status');

/** The backups in the backup folder, newest first, with sizes and record counts. */
export const listBackups = () => call('list_backups');

/** Checks one listed backup as a restore would. */
export const verifyBackup = (path: string) => call('verify_backup', { path });

/** Takes a fully checked backup now. */
export const backupNow = () => call('backup_now');

/** Sets the backup folder (null: the default beside the store) and the second one (null: none). */
export const setBackupFolders = (folder: string | null, second: string | null) =>
  call('set_backup_folders', { folder, second });

/** Replaces the store with a listed backup, after a safety backup of the store as it is. */
export const restoreBackup = (path: string) => call('restore_backup', { path });

/** The backups taken before contact `contactId` was erased, which may still hold them. */
export const backupsHoldingErased = (contactId: number) => call('backups_holding_erased', { contactId });

/** Deletes those backups (both folders) after a new backup of the store as it is now. */
export const thinBackupsAfterErase = (contactId: number) => call('thin_backups_after_erase', { contactId });

/** Asks for a folder (the native dialog), starting at `defaultPath`; null when cancelled. */
export async function chooseFolder(title: string, defaultPath: string | undefined): Promise<string | null> {
  try {
    return await open({ directory: true, multiple: false, title, defaultPath });
  } catch (error) {
    throw new ApiError(toErrorPayload(error));
  }
}
