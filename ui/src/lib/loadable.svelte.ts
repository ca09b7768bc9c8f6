// One piece of data loaded from the core: its value, whether it is loading, and its error.
// Only the latest request wins, so a slow answer never overwrites a newer one. A `live` one reads
// again when another program changes the store (changes-elsewhere.svelte.ts), keeping its value
// on screen until the new one arrives.

import type { ErrorPayload } from './bindings.gen';
import { toErrorPayload } from './api';
import { onChangesElsewhere } from './changes-elsewhere.svelte';

export class Loadable<T> {
  value = $state<T | null>(null);
  error = $state<ErrorPayload | null>(null);
  loading = $state(false);
  #latest = 0;
  #fetch: (() => Promise<T>) | null = null;

  /**
   * A Loadable whose last `run` runs again after each change made elsewhere, for what a screen
   * shows (not for forms, nor for answers to an action). Made while a component initialises.
   */
  static live<T>(): Loadable<T> {
    const loadable = new Loadable<T>();
    onChangesElsewhere(() => {
      const fetch = loadable.#fetch;
      if (fetch) void loadable.run(fetch);
    });
    return loadable;
  }

  /** Runs `fetch` and keeps its result unless a later `run` has started meanwhile. */
  async run(fetch: () => Promise<T>): Promise<void> {
    this.#fetch = fetch;
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
