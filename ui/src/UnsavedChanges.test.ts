// Unsaved edits are never lost silently: with a form's changes on screen, a link, the router's
// navigate (the search palette's way in) and Back all ask first, and keep or discard as chosen.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import App from './App.svelte';
import { navigate, pathOf } from './lib/router.svelte';
import { TestId, testIdOf } from './lib/test-ids';
import { callsOf, fakeCore, listOf, storedDelegation } from './test-ipc';

const EDIT = pathOf({ name: 'delegation-edit', id: 4 });

async function editingDelegation() {
  const calls = fakeCore({
    get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 45 }),
    dashboard: () => ({ counts: [], upcoming_delegations: [], follow_ups: [], pipeline: [] }),
    list_records: listOf({}),
    list_sectors: () => [],
    get_record: () => storedDelegation(4, { destination_city: 'Tokyo' }),
  });
  location.hash = `#${EDIT}`;
  render(App);
  const city = (await screen.findByLabelText('Thành phố')) as HTMLInputElement;
  return { calls, city };
}

describe('leaving a form with unsaved changes', () => {
  it('asks when a link is followed: keep editing stays with the edit, discard leaves and saves nothing', async () => {
    const { calls, city } = await editingDelegation();
    await fireEvent.input(city, { target: { value: 'Osaka' } });

    await fireEvent.click(screen.getByTestId(testIdOf('nav', 'dashboard')));
    const dialog = await screen.findByTestId(TestId.leaveConfirm);
    expect(dialog).toHaveAttribute('role', 'alertdialog');
    expect(dialog).toHaveTextContent('Có thay đổi chưa lưu');
    expect(screen.getByTestId(TestId.leaveKeep)).toHaveFocus();
    expect(location.hash).toBe(`#${EDIT}`);

    await fireEvent.click(screen.getByTestId(TestId.leaveKeep));
    expect(screen.queryByTestId(TestId.leaveConfirm)).toBeNull();
    expect(screen.getByTestId(TestId.delegationForm)).toBeInTheDocument();
    expect(city.value).toBe('Osaka');
    expect(location.hash).toBe(`#${EDIT}`);

    await fireEvent.click(screen.getByTestId(testIdOf('nav', 'dashboard')));
    await fireEvent.click(await screen.findByTestId(TestId.leaveDiscard));
    await screen.findByTestId(TestId.dashboardLoaded);
    expect(location.hash).toBe('#/');
    expect(callsOf(calls, 'update_record')).toEqual([]);
  });

  it('asks on navigate (a record opened from Ctrl+K) and on Back, and Esc keeps editing', async () => {
    const { city } = await editingDelegation();
    await fireEvent.input(city, { target: { value: 'Osaka' } });

    navigate('/');
    const dialog = await screen.findByTestId(TestId.leaveConfirm);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByTestId(TestId.leaveConfirm)).toBeNull();
    expect(city.value).toBe('Osaka');

    // Back: the address has already changed; it is put back while the question is open.
    location.hash = '#/';
    await screen.findByTestId(TestId.leaveConfirm);
    await waitFor(() => expect(location.hash).toBe(`#${EDIT}`));
    expect(screen.getByTestId(TestId.delegationForm)).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId(TestId.leaveDiscard));
    await screen.findByTestId(TestId.dashboardLoaded);
    expect(location.hash).toBe('#/');
  });

  it('does not ask when nothing changed', async () => {
    const { calls, city } = await editingDelegation();
    await fireEvent.click(screen.getByTestId(testIdOf('nav', 'dashboard')));
    await screen.findByTestId(TestId.dashboardLoaded);
    expect(screen.queryByTestId(TestId.leaveConfirm)).toBeNull();
    expect(city).not.toBeInTheDocument();
    expect(callsOf(calls, 'update_record')).toEqual([]);
  });
});
