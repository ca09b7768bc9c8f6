// One piece of data loaded from the core: its value, whether it is loading, and its error.
// Only the latest request wins, so a slow answer never overwrites a newer one.

import type { ErrorPayload } from './bindings.gen';
import { toErrorPayload } from './api';

export class Loadable<T> {
  value = $state<T | null>(null);
  error = $state<ErrorPayload | null>(null);
  loading = $state(false);
  #latest = 0;

  /** Runs `fetch` and keeps its result unless a later `run` has started meanwhile. */
  async run(fetch: () => Promise<T>): Promise<void> {
    const ticket = ++this.#latest;
    this.loading = true;
    try {
      const value = await fetch();
      if (ticket === this.#latest) {
        this.value = value;
        this.error = null;
      }
    } catch (e) {
      if (ticket === this.#latest) this.error = toErrorPayload(e);
    } finally {
      if (ticket === this.#latest) this.loading = false;
    }
  }
}
