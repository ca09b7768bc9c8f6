// Whether the team store's server answers (issue 17): every command's outcome passes here
// (`call` in api.ts). A command refused because the server cannot be reached or did not answer
// in time puts the window offline (TeamOfflineBanner says so and tries again); the next command
// that succeeds puts it back online, and what the screens show is read again, since what failed
// meanwhile and what others wrote were never seen. A SQLite store never gives these codes.

import { noteChangesElsewhere } from './changes-elsewhere.svelte';

/** The core's codes for a team store that cannot be reached now (error.rs). */
export const OFFLINE_CODES: readonly string[] = ['team_store_unreachable', 'team_store_timeout'];

/** Whether the last word from the team store was that it cannot be reached. */
export const teamStore = $state({ offline: false });

/** A command succeeded: the store answers. */
export function noteReply(): void {
  if (!teamStore.offline) return;
  teamStore.offline = false;
  noteChangesElsewhere();
}

/** A command failed with `code`: offline when the server could not be reached. */
export function noteFailure(code: string): void {
  if (OFFLINE_CODES.includes(code)) teamStore.offline = true;
}
