// What the last restore from Settings did, for the dashboard it lands on to say (until
// dismissed): the store was replaced, from which backup, and where the safety backup is.

import type { RestoreReport } from '../lib/bindings.gen';

export const restoreNotice = $state<{ current: RestoreReport | null }>({ current: null });
