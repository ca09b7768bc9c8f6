import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { open } from '@tauri-apps/plugin-dialog';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import { TestId } from '../lib/test-ids';
import { callsOf, fakeCore } from '../test-ipc';
import { receivedBrief, sentBundle, TOKYO_GROUPED } from '../test-exchange';
import Exchange from './Exchange.svelte';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const openDialog = vi.mocked(open);
beforeEach(() => openDialog.mockReset());

describe('Inbox', () => {
  it('lists each received brief with its office, grouped fingerprint, times, version and whether it is verified', async () => {
    fakeCore({
      exchange_inbox: () => [
        receivedBrief(2, { local_name: 'Thương vụ Tokyo' }),
        receivedBrief(1, { brief_version: 1, superseded_by: 2 }),
        receivedBrief(3, { verified: false, title: 'Bản tin khoá đã thu hồi' }),
      ],
    });
    render(Exchange, { tab: 'inbox' });
    const rows = await screen.findAllByTestId(TestId.inboxRow);
    expect(rows).toHaveLength(3);
    const first = rows[0];
    // The officer's own name for the office comes first, then its code.
    expect(within(first).getByTestId(TestId.inboxOffice)).toHaveTextContent('Thương vụ Tokyo VNTO-TYO');
    expect(within(first).getByTestId(TestId.inboxFingerprint)).toHaveTextContent(TOKYO_GROUPED);
    expect(first).toHaveTextContent('20/11/2026');
    expect(first).toHaveTextContent('21/11/2026');
    expect(within(first).getByTestId(TestId.inboxVerified)).toHaveTextContent('✓ Đã xác minh');
    expect(within(first).getByRole('link', { name: 'Thị trường Nhật Bản cho bán dẫn' })).toHaveAttribute('href', '#/exchange/received/2');
    expect(within(rows[1]).getByTestId(TestId.inboxVerified)).toHaveTextContent('Đã có bản mới hơn');
    expect(within(rows[2]).getByTestId(TestId.inboxVerified)).toHaveTextContent('Khoá đã bị thu hồi');
  });

  it('says when nothing has been received, in English too', async () => {
    setLanguage('en');
    fakeCore({ exchange_inbox: () => [] });
    render(Exchange, { tab: 'inbox' });
    expect(await screen.findByText('No brief received from another office yet.')).toBeInTheDocument();
    expect(screen.getByTestId(TestId.tabInbox)).toHaveAttribute('aria-current', 'page');
    expect(screen.getByTestId(TestId.tabOutbox)).toHaveTextContent('Outbox');
    expect(screen.getByTestId(TestId.tabTrustedOffices)).toHaveTextContent('Trusted offices');
  });

  it('opens the preview of the file chosen in the open dialog, whatever its name', async () => {
    fakeCore({ exchange_inbox: () => [] });
    openDialog.mockResolvedValue('/home/lan/Tải về/brief (1).zip');
    render(Exchange, { tab: 'inbox' });
    await fireEvent.click(screen.getByTestId(TestId.exchangeOpenBundle));
    await waitFor(() => expect(router.path).toBe('/exchange/preview?path=%2Fhome%2Flan%2FT%E1%BA%A3i+v%E1%BB%81%2Fbrief+%281%29.zip'));
    // Any file may be picked: a mail client renames attachments.
    const filters = openDialog.mock.calls[0][0]?.filters ?? [];
    expect(filters.map((f) => f.extensions)).toContainEqual(['*']);
  });
});

describe('Outbox', () => {
  it('lists what was sent, when, its hash, personal data and the "sent to" note', async () => {
    const calls = fakeCore({ exchange_outbox: () => [sentBundle(1), sentBundle(2, { brief_id: null, sent_to: null, personal_data: true })] });
    render(Exchange, { tab: 'outbox' });
    const rows = await screen.findAllByTestId(TestId.outboxRow);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Thương vụ Tokyo, email 12/3');
    expect(rows[0]).toHaveTextContent('brief-7-v3.dpbundle');
    expect(rows[0]).toHaveTextContent('22/11/2026');
    expect(within(rows[0]).getByTestId(TestId.outboxSha)).toHaveTextContent('f0f0f0f0f0f0…');
    expect(within(rows[0]).getByTestId(TestId.outboxSha)).toHaveAttribute('title', 'f0'.repeat(32));
    expect(within(rows[0]).getByRole('link', { name: 'Cơ hội đầu tư tại Hà Nội' })).toHaveAttribute('href', '#/briefs/7');
    // A bundle whose brief was deleted since still lists, without a link.
    expect(within(rows[1]).queryByRole('link')).toBeNull();
    expect(rows[1]).toHaveTextContent('Có');
    expect(callsOf(calls, 'exchange_outbox')).toHaveLength(1);
  });
});
