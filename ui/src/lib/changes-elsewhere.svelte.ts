// Changes other programs make to the store (a `planner` command, another copy of the app): the
// shell emits `store-changed` when it notices one (src-tauri/src/changes_elsewhere.rs), and what
// the screen shows is read again where it is: lists (VirtualList keeps its scroll), details and
// the dashboard (`Loadable.live`). A form never reloads under the officer (its input is theirs;
// the revision check catches a save over another change), and while any form has unsaved changes
// nothing else on the page reloads either: its save reloads what the page shows.

import { listen } from '@tauri-apps/api/event';
import { untrack } from 'svelte';
import { hasUnsavedChanges } from './unsaved.svelte';

/** The shell's event (not tied to SQLite: a shared store's notifications raise it too). */
export const STORE_CHANGED = 'store-changed';

/** How many changes elsewhere the window has heard of. */
export const changesElsewhere = $state({ count: 0 });

/** A change elsewhere was heard: what is on screen reloads. */
export function noteChangesElsewhere(): void {
  changesElsewhere.count += 1;
}

/** Hears the shell's `store-changed` (in the app's window only); resolves to the way to stop. */
export async function followChangesElsewhere(): Promise<() => void> {
  if (!('__TAURI_INTERNALS__' in window)) return () => {};
  try {
    return await listen(STORE_CHANGED, noteChangesElsewhere);
  } catch (e) {
    console.error('changes made by other programs are not followed', e);
    return () => {};
  }
}

/**
 * Calls `reload` after each change elsewhere heard while the calling component is on screen,
 * unless a form has unsaved changes. Call it while a component initialises.
 */
export function onChangesElsewhere(reload: () => void): void {
  let seen = untrack(() => changesElsewhere.count);
  $effect(() => {
    const now = changesElsewhere.count;
    if (now === seen) return;
    seen = now;
    if (!untrack(hasUnsavedChanges)) untrack(reload);
  });
}
