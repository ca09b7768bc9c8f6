// The team store's offline banner against the fake core: a command refused because the server
// cannot be reached (or did not answer in time) shows it, with what still works; any other
// refusal does not; the retry's success, or any command's, takes it away and has the screens
// read again.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import type { AppInfo, ErrorPayload } from '../lib/bindings.gen';
import { appInfo, dashboard } from '../lib/api';
import { changesElsewhere } from '../lib/changes-elsewhere.svelte';
import { setLanguage } from '../lib/i18n/index.svelte';
import { teamStore } from '../lib/team-offline.svelte';
import { TestId } from '../lib/test-ids';
import { callsOf, fakeCore } from '../test-ipc';
import TeamOfflineBanner from './TeamOfflineBanner.svelte';

const INFO: AppInfo = {
  version: '0.1.0',
  build_date: '2026-11-27',
  db_path: '',
  schema_version: 3,
  demo_seeded_at: null,
  office_fingerprint: null,
};

function refusal(code: string): ErrorPayload {
  return { code, message_vi: code, message_en: code, fields: [] };
}

/** A fake core whose server is down while `down.now`. */
function server(down: { now: string | null }) {
  return fakeCore({
    app_info: () => {
      if (down.now) throw refusal(down.now);
      return INFO;
    },
  });
}

beforeEach(() => {
  setLanguage('en');
  teamStore.offline = false;
});

describe('TeamOfflineBanner', () => {
  it('shows nothing while the store answers', async () => {
    server({ now: null });
    render(TeamOfflineBanner);
    await appInfo();
    expect(screen.queryByTestId(TestId.teamStoreOffline)).toBeNull();
  });

  it.each(['team_store_unreachable', 'team_store_timeout'])(
    'says the team store is offline and what still works after %s',
    async (code) => {
      server({ now: code });
      render(TeamOfflineBanner);
      await expect(appInfo()).rejects.toThrow();
      const banner = await screen.findByTestId(TestId.teamStoreOffline);
      expect(banner.textContent).toContain('The team store is offline');
      expect(banner.textContent).toContain('stays readable');
      expect(banner.textContent).toContain('nothing can be saved');
      expect(banner.textContent).toContain('planner team pull');
      expect(banner.textContent).toContain('every 5 seconds');
    },
  );

  it('is not shown for a refusal from a server that answered', async () => {
    server({ now: 'not_permitted' });
    render(TeamOfflineBanner);
    await expect(appInfo()).rejects.toThrow();
    expect(screen.queryByTestId(TestId.teamStoreOffline)).toBeNull();
  });

  it('goes when a retry succeeds, and the screens read again', async () => {
    const down = { now: 'team_store_unreachable' as string | null };
    const calls = server(down);
    render(TeamOfflineBanner);
    await expect(appInfo()).rejects.toThrow();
    await fireEvent.click(await screen.findByTestId(TestId.teamStoreRetry));
    expect(callsOf(calls, 'app_info')).toHaveLength(2);
    expect(screen.getByTestId(TestId.teamStoreOffline)).toBeTruthy();

    down.now = null;
    const heard = changesElsewhere.count;
    await fireEvent.click(screen.getByTestId(TestId.teamStoreRetry));
    await waitFor(() => expect(screen.queryByTestId(TestId.teamStoreOffline)).toBeNull());
    expect(changesElsewhere.count).toBe(heard + 1);
  });

  it('goes when any other command succeeds', async () => {
    const down = { now: 'team_store_timeout' as string | null };
    fakeCore({
      app_info: () => {
        throw refusal(down.now ?? 'x');
      },
      dashboard: () => ({}),
    });
    render(TeamOfflineBanner);
    await expect(appInfo()).rejects.toThrow();
    await screen.findByTestId(TestId.teamStoreOffline);
    await dashboard();
    await waitFor(() => expect(screen.queryByTestId(TestId.teamStoreOffline)).toBeNull());
  });

  it('asks the server again by itself every 5 seconds', async () => {
    const { vi } = await import('vitest');
    vi.useFakeTimers();
    try {
      const down = { now: 'team_store_unreachable' as string | null };
      const calls = server(down);
      render(TeamOfflineBanner);
      await expect(appInfo()).rejects.toThrow();
      await vi.advanceTimersByTimeAsync(5_000);
      expect(callsOf(calls, 'app_info')).toHaveLength(2);
      down.now = null;
      await vi.advanceTimersByTimeAsync(5_000);
      expect(callsOf(calls, 'app_info')).toHaveLength(3);
      expect(teamStore.offline).toBe(false);
      await vi.advanceTimersByTimeAsync(10_000);
      expect(callsOf(calls, 'app_info')).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });
});
