// English words of the backups outside Settings: the same keys as `backup-notices-vi.ts` (the
// compiler checks it), spread into `en.ts`.

import type { Message } from './index.svelte';
import type { backupNoticesVi } from './backup-notices-vi';

export const backupNoticesEn: Record<keyof typeof backupNoticesVi, Message> = {
  'backupGlance.title': 'Backups',
  'backupGlance.last': 'Last backup: {when}',
  'backupGlance.place': 'Where: {folder}',
  'backupGlance.second': 'Second copy: {folder}',
  'backupGlance.never': 'No backup yet.',
  'backupGlance.overdue': 'The data changed, but nothing was backed up for more than a day.',
  'backupGlance.failed': 'The automatic backup at {when} failed:',
  'backupGlance.open': 'See Settings › Backups',

  'eraseThin.held': {
    one: '{n} backup taken before the erase still holds this person’s data; it is thinned out within a year.',
    other: '{n} backups taken before the erase still hold this person’s data; they are thinned out within a year.',
  },
  'eraseThin.keepHint':
    'Keep them if the erase may have been a mistake: the backup taken just before it is the only way to get this person back.',
  'eraseThin.offer': 'Remove these older backups now…',
  'eraseThin.question': {
    one: 'Remove the {n} backup taken before this person was erased?',
    other: 'Remove the {n} backups taken before this person was erased?',
  },
  'eraseThin.what':
    'Every backup taken up to the erase, in the backup folder and the second destination, including those kept from restores, is deleted. First the app backs up the store as it is now (that backup holds nothing of the erased person). Afterwards this person can no longer be brought back from a backup.',
  'eraseThin.confirm': 'Remove the backups',
  'eraseThin.working': 'Removing…',
  'eraseThin.done': {
    one: 'Removed {n} older backup. New backup: {name}',
    other: 'Removed {n} older backups. New backup: {name}',
  },
  'eraseThin.unreachable':
    'Could not reach {folder}: the backups there still hold this person’s data. Once it is back, run “planner backup thin --erased {id} --yes”.',
};
