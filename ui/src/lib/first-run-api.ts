// Typed wrappers of the `first_run` commands (declared in crates/core/src/commands/declared.rs,
// signatures in commands.gen.ts): whether the window opens on the first-run screen, and the
// choices made there. Kept apart from api.ts as the other groups are; the same `call`.

import type { FirstRunChoices } from './bindings.gen';
import { call } from './api';

/** Whether the store is set up, and the data and backup folders shown as defaults. */
export const firstRunState = () => call('first_run_state');

/** Applies the first-run choices (the core checks them all; a refusal names each field). */
export const completeFirstRun = (choices: FirstRunChoices) => call('complete_first_run', { choices });
