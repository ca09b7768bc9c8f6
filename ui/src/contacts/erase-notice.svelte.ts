// The report of the last erase, kept in memory only to be shown on the people list the erase
// leads to (the person's page no longer exists); dismissed there.

import type { EraseReport } from '../lib/bindings.gen';

export const eraseNotice = $state<{ current: { name: string; report: EraseReport } | null }>({ current: null });
