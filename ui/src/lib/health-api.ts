// Typed wrapper of the `health` group (declared in crates/core/src/commands/declared.rs): what
// the window asks once at start. Over the same `call` as api.ts.

import { call } from './api';

/** Read-only or not (and why), the doctor's quick check, and when damaged the newest good backup. */
export const storeHealth = () => call('store_health');
