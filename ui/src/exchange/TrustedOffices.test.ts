import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { open, save } from '@tauri-apps/plugin-dialog';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TestId } from '../lib/test-ids';
import { callsOf, fakeCore } from '../test-ipc';
import { MAY_NOT_SIGN, officeCard, TOKYO_FINGERPRINT, TOKYO_GROUPED, trustedOffice } from '../test-exchange';
import TrustedOffices from './TrustedOffices.svelte';
import { storeHealthState } from '../health/store-health.svelte';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const openDialog = vi.mocked(open);
const saveDialog = vi.mocked(save);
beforeEach(() => {
  openDialog.mockReset();
  saveDialog.mockReset();
});

describe('TrustedOffices', () => {
  it('lists each office with its fingerprint, since when and by whom, and revoked ones marked', async () => {
    fakeCore({
      trusted_offices: () => [
        trustedOffice(1),
        trustedOffice(2, { office_code: 'VNTO-SEL', name_vi: 'Thương vụ tại Hàn Quốc', revoked_at: '2026-11-25T02:00:00Z', received: 0 }),
      ],
    });
    render(TrustedOffices);
    const rows = await screen.findAllByTestId(TestId.trustedOfficeRow);
    expect(rows[0]).toHaveTextContent('Thương vụ Việt Nam tại Nhật Bản');
    expect(within(rows[0]).getByTestId(TestId.trustedOfficeFingerprint)).toHaveTextContent(TOKYO_GROUPED);
    expect(rows[0]).toHaveTextContent('21/11/2026');
    expect(rows[0]).toHaveTextContent('Bởi: ITPC-HN');
    expect(rows[0]).toHaveTextContent('Đã tin cậy');
    expect(rows[1]).toHaveTextContent('Thu hồi lúc 25/11/2026');
    // A revoked key cannot be revoked again.
    expect(within(rows[1]).queryByTestId(TestId.officeRevoke)).toBeNull();
  });

  it('renames an office and revokes its key after asking once more', async () => {
    let offices = [trustedOffice(1)];
    const calls = fakeCore({
      trusted_offices: () => offices,
      rename_office: ({ keyId, name }) => (offices = [trustedOffice(keyId, { local_name: name })])[0],
      revoke_office: ({ keyId }) => (offices = [trustedOffice(keyId, { local_name: 'Tokyo', revoked_at: '2026-11-25T02:00:00Z' })])[0],
    });
    render(TrustedOffices);
    await fireEvent.click(await screen.findByTestId(TestId.officeRename));
    const input = screen.getByTestId(TestId.officeRenameInput) as HTMLInputElement;
    expect(input.value).toBe('Thương vụ Việt Nam tại Nhật Bản');
    await fireEvent.input(input, { target: { value: 'Tokyo' } });
    await fireEvent.click(screen.getByTestId(TestId.officeRenameSave));
    await waitFor(() => expect(callsOf(calls, 'rename_office')).toEqual([{ keyId: 1, name: 'Tokyo' }]));
    await waitFor(() => expect(screen.getByTestId(TestId.trustedOfficeRow)).toHaveTextContent('Tokyo'));

    await fireEvent.click(screen.getByTestId(TestId.officeRevoke));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Thu hồi khoá của Tokyo?');
    expect(callsOf(calls, 'revoke_office')).toEqual([]);
    await fireEvent.click(screen.getByTestId(TestId.officeRevokeConfirm));
    await waitFor(() => expect(callsOf(calls, 'revoke_office')).toEqual([{ keyId: 1 }]));
    await waitFor(() => expect(screen.getByTestId(TestId.trustedOfficeRow)).toHaveTextContent('Đã thu hồi'));
  });

  it('trusts an office from its card after showing the fingerprint, then lists it', async () => {
    let offices: ReturnType<typeof trustedOffice>[] = [];
    const calls = fakeCore({
      trusted_offices: () => offices,
      inspect_office_card: () => officeCard(),
      trust_office: () => (offices = [trustedOffice(1)])[0],
    });
    openDialog.mockResolvedValue('/media/usb/tokyo.dpoffice');
    render(TrustedOffices);
    expect(await screen.findByText('Chưa tin cậy cơ quan nào.')).toBeInTheDocument();
    await fireEvent.click(screen.getByTestId(TestId.trustCard));
    const card = await screen.findByTestId(TestId.cardPreview);
    expect(within(card).getByTestId(TestId.previewFingerprint)).toHaveTextContent(TOKYO_GROUPED);
    expect(callsOf(calls, 'trust_office')).toEqual([]);
    await fireEvent.click(within(card).getByTestId(TestId.cardTrustConfirm));
    expect(screen.getByTestId(TestId.trustConfirmFingerprint)).toHaveTextContent(TOKYO_GROUPED);
    await fireEvent.click(screen.getByTestId(TestId.trustConfirmMatch));
    await fireEvent.click(screen.getByTestId(TestId.trustConfirm));
    await waitFor(() =>
      expect(callsOf(calls, 'trust_office')).toEqual([{ fingerprint: TOKYO_FINGERPRINT, cardPath: '/media/usb/tokyo.dpoffice', name: null }]),
    );
    expect(await screen.findByTestId(TestId.officesNotice)).toHaveTextContent('Đã tin cậy Thương vụ Việt Nam tại Nhật Bản.');
    expect(await screen.findByTestId(TestId.trustedOfficeRow)).toBeInTheDocument();
    expect(screen.queryByTestId(TestId.cardPreview)).toBeNull();
  });

  it('exports our own office card where the save dialog says', async () => {
    const calls = fakeCore({
      trusted_offices: () => [],
      export_office_card: ({ path }) => ({ path: path ?? '', bytes: 612 }),
    });
    saveDialog.mockResolvedValue('/home/lan/itpc-hn.dpoffice');
    render(TrustedOffices);
    await fireEvent.click(await screen.findByTestId(TestId.exportCard));
    expect(await screen.findByTestId(TestId.officesNotice)).toHaveTextContent('Đã lưu thẻ cơ quan tại /home/lan/itpc-hn.dpoffice.');
    expect(callsOf(calls, 'export_office_card')).toEqual([{ path: '/home/lan/itpc-hn.dpoffice' }]);
  });

  it('does not offer our card to a session that may not sign, and says why', async () => {
    const calls = fakeCore({ trusted_offices: () => [] });
    storeHealthState.current = MAY_NOT_SIGN;
    render(TrustedOffices);
    const button = await screen.findByTestId(TestId.exportCard);
    expect(button).toBeDisabled();
    expect(screen.getByTestId(TestId.signManagersOnly)).toHaveTextContent('Chỉ người quản lý của kho dữ liệu chung');
    // Trusting another office's card needs no key: still offered.
    expect(screen.getByTestId(TestId.trustCard)).toBeEnabled();
    await fireEvent.click(button);
    expect(callsOf(calls, 'export_office_card')).toEqual([]);
    expect(saveDialog).not.toHaveBeenCalled();
  });

  it('shows why the card could not be made (no office profile yet) with its code', async () => {
    fakeCore({
      trusted_offices: () => [],
      export_office_card: () => {
        throw { code: 'no_office_profile', message_vi: 'Chưa đặt hồ sơ cơ quan', message_en: 'No office profile', fields: [] };
      },
    });
    saveDialog.mockResolvedValue('/home/lan/itpc-hn.dpoffice');
    render(TrustedOffices);
    await fireEvent.click(await screen.findByTestId(TestId.exportCard));
    const refusal = await screen.findByTestId(TestId.previewRefusal);
    expect(refusal).toHaveTextContent('Chưa đặt hồ sơ cơ quan');
    expect(refusal).toHaveTextContent('no_office_profile');
  });
});
