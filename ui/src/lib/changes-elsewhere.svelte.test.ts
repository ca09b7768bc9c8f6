// What the window does when another program changes the store: the shell's `store-changed` is
// heard, live loads and lists read again in place, forms keep their input, and nothing reloads
// under a form with unsaved changes.
import { emit } from '@tauri-apps/api/event';
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import type { ListQuery, Organization, Stored } from './bindings.gen';
import { changesElsewhere, followChangesElsewhere, noteChangesElsewhere, STORE_CHANGED } from './changes-elsewhere.svelte';
import { Loadable } from './loadable.svelte';
import { forgetUnsaved, holdLeaving } from './unsaved.svelte';
import { TestId } from './test-ids';
import { callsOf, fakeCore, storedOrganization } from '../test-ipc';
import OrganizationList from '../contacts/OrganizationList.svelte';
import OrganizationForm from '../contacts/OrganizationForm.svelte';

afterEach(() => forgetUnsaved());

/** A live Loadable made as a component would, run once with `fetch`; `stop` ends its component. */
function liveLoad<T>(fetch: () => Promise<T>) {
  let loadable!: Loadable<T>;
  const stop = $effect.root(() => {
    loadable = Loadable.live<T>();
  });
  void loadable.run(fetch);
  return { loadable, stop };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('changes made elsewhere', () => {
  it('are heard from the shell’s store-changed event', async () => {
    mockIPC(() => null, { shouldMockEvents: true });
    const stop = await followChangesElsewhere();
    const before = changesElsewhere.count;
    await emit(STORE_CHANGED);
    expect(changesElsewhere.count).toBe(before + 1);
    stop();
    await emit(STORE_CHANGED);
    expect(changesElsewhere.count).toBe(before + 1);
    clearMocks();
  });

  it('read a live load again, keeping its value on screen until the new one arrives', async () => {
    let version = 1;
    const { loadable, stop } = liveLoad(async () => version);
    await settled();
    expect(loadable.value).toBe(1);

    version = 2;
    noteChangesElsewhere();
    flushSync();
    expect(loadable.loading).toBe(true);
    expect(loadable.value).toBe(1);
    await settled();
    expect(loadable.value).toBe(2);

    // Gone from the screen: no more reads.
    stop();
    version = 3;
    noteChangesElsewhere();
    flushSync();
    await settled();
    expect(loadable.value).toBe(2);
  });

  it('reload nothing while a form has unsaved changes', async () => {
    let reads = 0;
    const { loadable, stop } = liveLoad(async () => ++reads);
    await settled();
    const release = holdLeaving({ dirty: true });
    noteChangesElsewhere();
    flushSync();
    await settled();
    expect(reads).toBe(1);
    release();
    noteChangesElsewhere();
    flushSync();
    await settled();
    expect(loadable.value).toBe(2);
    stop();
  });

  it('show a new record in an open list, where the list is', async () => {
    const book: Stored<Organization>[] = [storedOrganization(1, 'Công ty An Phát'), storedOrganization(2, 'Công ty Bình Minh')];
    const calls = fakeCore({
      list_records: (args) => {
        const { offset, limit } = args.query;
        return { items: book.slice(offset, offset + (limit ?? book.length)), total: book.length, offset, limit };
      },
    });
    render(OrganizationList);
    await waitFor(() => expect(screen.getAllByTestId(TestId.organizationRow)).toHaveLength(2));

    book.splice(1, 0, storedOrganization(3, 'Công ty Ánh Dương'));
    noteChangesElsewhere();
    await waitFor(() => expect(screen.getAllByTestId(TestId.organizationRow)).toHaveLength(3));
    expect(screen.getAllByTestId(TestId.organizationRow)[1]).toHaveTextContent('Công ty Ánh Dương');
    expect(callsOf(calls, 'list_records').map((a) => (a.query as ListQuery).offset)).toEqual([0, 0]);
  });

  it('leave an open form’s input as typed', async () => {
    const calls = fakeCore({ get_record: () => storedOrganization(5, 'Công ty Thép Việt') });
    const { container } = render(OrganizationForm, { id: 5 });
    const name = await waitFor(() => {
      const el = container.querySelector<HTMLInputElement>('[name="name_vi"]');
      if (!el) throw new Error('not loaded');
      return el;
    });
    await fireEvent.input(name, { target: { value: 'Thép Việt Steel' } });
    noteChangesElsewhere();
    await settled();
    expect(name.value).toBe('Thép Việt Steel');
    expect(callsOf(calls, 'get_record')).toHaveLength(1);
  });
});
