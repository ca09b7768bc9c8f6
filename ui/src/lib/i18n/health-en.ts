// English words of the store-health banner: the same keys as `health-vi.ts` (the compiler
// checks it), spread into `en.ts`.

import type { Message } from './index.svelte';
import type { healthVi } from './health-vi';

export const healthEn: Record<keyof typeof healthVi, Message> = {
  'health.readOnlyTitle': 'The store is read-only',
  'health.readOnly.file': 'The store file cannot be written here (its permissions, or a read-only disk).',
  'health.readOnly.folder': 'The folder holding the store cannot be written (its permissions, or a read-only disk).',
  'health.readOnly.refused': 'SQLite would open the store for reading only.',
  'health.readOnly.team_role': 'Your role on the team store may only read.',
  'health.readOnlyHintTeam': 'You can still see and search everything, but every change will be refused and nothing saved. To make changes, ask your IT staff for an officer role.',
  'health.readOnlyHint': 'You can still see and search everything, but every change will be refused and nothing saved. File: {path}',
  'health.damagedTitle': 'The store is damaged',
  'health.damagedIntro': 'The quick check at start found the store file damaged. What you see may be missing or wrong; do not enter more data before restoring.',
  'health.goodBackup': 'Newest good backup: {name}, taken {when}.',
  'health.restore': 'Restore this backup…',
  'health.noGoodBackup': 'No backup in the backup folder passes its check. See Settings › Backups, or ask your IT staff.',
  'health.openBackups': 'Open Settings › Backups',
  'health.offlineTitle': 'The team store is offline',
  'health.offlineBody': 'The server cannot be reached: nothing can be saved until it is back.',
  'health.offlineStillWorks': 'Meanwhile, still working:',
  'health.offlineReading': 'what is on screen stays readable;',
  'health.offlinePull': 'to work without the server, make a copy on this computer with',
  'health.offlineRetrying': 'Trying again every {seconds} seconds…',
  'health.offlineRetry': 'Try now',
};
