// The store's health as the window learned it at start (StoreHealthBanner), and a generation
// that a restore from the banner bumps: the shell keys the screen on it, so the screen shown
// reads the restored store afresh even when it stays the same screen.

import type { StoreHealth } from '../lib/bindings.gen';

export const storeHealthState = $state<{ current: StoreHealth | null; generation: number }>({
  current: null,
  generation: 0,
});

/** Whether this session may sign for the office (send a brief, export the office card): on a
 * team store, a manager only. Until the health is known, yes: the core still refuses in words. */
export function maySign(): boolean {
  return storeHealthState.current?.may_sign ?? true;
}
