import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { save } from '@tauri-apps/plugin-dialog';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TestId } from '../lib/test-ids';
import { callsOf, fakeCore, invalidPayload } from '../test-ipc';
import { MAY_NOT_SIGN, sentBundle } from '../test-exchange';
import SendToOffice from './SendToOffice.svelte';
import { storeHealthState } from '../health/store-health.svelte';
import { setLanguage } from '../lib/i18n/index.svelte';


vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const saveDialog = vi.mocked(save);
beforeEach(() => saveDialog.mockReset());

describe('SendToOffice', () => {
  it('writes a bundle without personal data unless ticked, with the "sent to" note, where the dialog says', async () => {
    const calls = fakeCore({ exchange_export: ({ path }) => sentBundle(1, { path: path ?? '' }) });
    saveDialog.mockResolvedValue('/home/lan/brief-7-v3.dpbundle');
    render(SendToOffice, { briefId: 7, fileStem: 'brief-7-v3' });
    await fireEvent.click(screen.getByTestId(TestId.sendToOffice));
    expect(screen.getByTestId(TestId.sendPersonalData)).not.toBeChecked();
    await fireEvent.input(screen.getByTestId(TestId.sendSentTo), { target: { value: '  Thương vụ Tokyo ' } });
    await fireEvent.click(screen.getByTestId(TestId.sendSaveAs));
    expect(await screen.findByTestId(TestId.sendDone)).toHaveTextContent('Đã tạo gói bản tin /home/lan/brief-7-v3.dpbundle (200 KB).');
    expect(callsOf(calls, 'exchange_export')).toEqual([
      { briefId: 7, personalData: false, sentTo: 'Thương vụ Tokyo', path: '/home/lan/brief-7-v3.dpbundle' },
    ]);
    expect(saveDialog.mock.calls[0][0]?.defaultPath).toBe('brief-7-v3.dpbundle');
  });

  it('is not offered to a session that may not sign, and says why in one line', async () => {
    const calls = fakeCore({ exchange_export: () => sentBundle(1) });
    storeHealthState.current = MAY_NOT_SIGN;
    render(SendToOffice, { briefId: 7, fileStem: 'brief-7-v3' });
    const button = screen.getByTestId(TestId.sendToOffice);
    expect(button).toBeDisabled();
    await fireEvent.click(button);
    expect(screen.queryByTestId(TestId.sendForm)).toBeNull();
    const why = screen.getByTestId(TestId.signManagersOnly);
    expect(why).toHaveTextContent('Chỉ người quản lý của kho dữ liệu chung mới ký được những gì gửi cho cơ quan khác.');
    setLanguage('en');
    await waitFor(() => expect(why).toHaveTextContent('Only a manager of the team store can sign what is sent to other offices.'));
    expect(callsOf(calls, 'exchange_export')).toEqual([]);
  });

  it('is offered once the session is known to sign (a manager, a store file)', async () => {
    fakeCore({});
    storeHealthState.current = { ...MAY_NOT_SIGN, may_sign: true };
    render(SendToOffice, { briefId: 7, fileStem: 'brief-7-v3' });
    expect(screen.getByTestId(TestId.sendToOffice)).toBeEnabled();
    expect(screen.queryByTestId(TestId.signManagersOnly)).toBeNull();
  });

  it('says that the office profile is needed first, with its code and the way to Settings', async () => {
    fakeCore({
      exchange_export: () => {
        throw invalidPayload([
          { field: 'office', code: 'no_office_profile', message_vi: 'Chưa có hồ sơ cơ quan', message_en: 'No office profile yet' },
        ]);
      },
    });
    render(SendToOffice, { briefId: 7, fileStem: 'brief-7-v3' });
    await fireEvent.click(screen.getByTestId(TestId.sendToOffice));
    await fireEvent.click(screen.getByTestId(TestId.sendSaveDefault));
    expect(await screen.findByTestId(TestId.previewRefusalCode)).toHaveTextContent('no_office_profile');
    expect(screen.getByTestId(TestId.previewRefusal)).toHaveTextContent('Chưa có hồ sơ cơ quan');
    expect(screen.getByRole('link', { name: 'Đặt hồ sơ cơ quan' })).toHaveAttribute('href', '#/settings');
  });

  it('includes personal data only when ticked, into the exchange folder, and writes nothing when the dialog is cancelled', async () => {
    const calls = fakeCore({ exchange_export: () => sentBundle(2, { personal_data: true }) });
    saveDialog.mockResolvedValue(null);
    render(SendToOffice, { briefId: 7, fileStem: 'brief-7-v3' });
    await fireEvent.click(screen.getByTestId(TestId.sendToOffice));
    await fireEvent.click(screen.getByTestId(TestId.sendSaveAs));
    await waitFor(() => expect(saveDialog).toHaveBeenCalled());
    expect(callsOf(calls, 'exchange_export')).toEqual([]);
    await fireEvent.click(screen.getByTestId(TestId.sendPersonalData));
    await fireEvent.click(screen.getByTestId(TestId.sendSaveDefault));
    await waitFor(() =>
      expect(callsOf(calls, 'exchange_export')).toEqual([{ briefId: 7, personalData: true, sentTo: null, path: null }]),
    );
  });
});
