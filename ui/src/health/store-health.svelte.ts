// The store's health as the window learned it at start (StoreHealthBanner), and a generation
// that a restore from the banner bumps: the shell keys the screen on it, so the screen shown
// reads the restored store afresh even when it stays the same screen.

import type { StoreHealth } from '../lib/bindings.gen';

export const storeHealthState = $state<{ current: StoreHealth | null; generation: number }>({
  current: null,
  generation: 0,
});
