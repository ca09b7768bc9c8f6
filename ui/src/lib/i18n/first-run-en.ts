// English words of the first-run screen: the same keys as `first-run-vi.ts` (the compiler
// checks it), spread into `en.ts`.

import type { Message } from './index.svelte';
import type { firstRunVi } from './first-run-vi';

export const firstRunEn: Record<keyof typeof firstRunVi, Message> = {
  'firstRun.title': 'Welcome to Delegation Planner',
  'firstRun.intro': 'A few choices before you start. Every one can be changed later in Settings.',
  'firstRun.language': 'Interface language',
  'firstRun.start': 'Start with',
  'firstRun.demo': 'The demo data',
  'firstRun.demoHint': 'A Hanoi promotion centre, trade offices, investors and sample delegations: to find your way around.',
  'firstRun.empty': 'An empty store',
  'firstRun.emptyHint': "Only your office's own data: start entering it now.",
  'firstRun.office': 'Your office',
  'firstRun.officeHint': 'The profile other offices see on every brief you send. You may leave it empty and set it later in Settings.',
  'firstRun.where': 'Where the data lives',
  'firstRun.dataFolder': 'Data folder',
  'firstRun.dataFolderHint': 'Default: {folder}. The store file, planner.db, is in this folder.',
  'firstRun.backupFolder': 'Backup folder',
  'firstRun.backupFolderHint': 'Default: {folder}. Change it later in Settings › Backups.',
  'firstRun.choose': 'Choose folder…',
  'firstRun.chooseData': 'Choose the data folder',
  'firstRun.chooseBackup': 'Choose the backup folder',
  'firstRun.finish': 'Start',
  'firstRun.finishing': 'Setting up…',
};
