// English words of the Backups section of Settings: the same keys as `backups-vi.ts` (the
// compiler checks it), spread into `en.ts`.

import type { Message } from './index.svelte';
import type { backupsVi } from './backups-vi';

export const backupsEn: Record<keyof typeof backupsVi, Message> = {
  'backups.title': 'Backups',
  'backups.intro':
    'The app backs up the store when you pause (at most once an hour) and before every large operation. Each backup is checked before it is kept.',
  'backups.last': 'Last backup',
  'backups.lastPlace': 'Where',
  'backups.never': 'No backup yet.',
  'backups.failed': 'The automatic backup at {when} failed:',
  'backups.now': 'Back up now',
  'backups.working': 'Backing up…',
  'backups.made': 'Backed up: {name}',
  'backups.secondCopy': 'Second copy: {where}',
  'backups.folder': 'Backup folder',
  'backups.folderDefault': '(the default, beside the store file)',
  'backups.second': 'Second destination (USB stick, shared folder)',
  'backups.noSecond': 'None',
  'backups.chooseFolder': 'Choose a folder…',
  'backups.chooseSecond': 'Choose a second destination…',
  'backups.useDefault': 'Use the default folder',
  'backups.removeSecond': 'Remove the second destination',
  'backups.foldersSaved': 'Backup folders saved.',
  'backups.list': 'Backups',
  'backups.empty': 'The backup folder holds no backup yet.',
  'backups.when': 'Taken',
  'backups.size': 'Size',
  'backups.records': 'Records',
  'backups.kept': 'Kept',
  'backups.keptHint': 'Never thinned out (a safety backup before a restore, or a backup restored from).',
  'backups.actions': 'Actions',
  'backups.verify': 'Check',
  'backups.verifying': 'Checking…',
  'backups.sound': 'Sound',
  'backups.damaged': 'Damaged: {problems}',
  'backups.restore': 'Restore…',
  'backups.restoreQuestion': 'Restore the backup taken {when}?',
  'backups.restoreReplaces': 'The store as it is now will be replaced:',
  'backups.restoreSafety':
    'Before replacing it, the app backs up the store as it is (that backup is kept), so you can go back.',
  'backups.kind': 'Kind of record',
  'backups.countNow': 'Now',
  'backups.countBackup': 'In the backup',
  'backups.restoreConfirm': 'Restore',
  'backups.restoring': 'Restoring…',
  'backups.restored': 'The store was restored from {from}. Safety backup: {safety}',
  'backups.dismiss': 'Close',
  'backups.noRecords': 'no records',
};
