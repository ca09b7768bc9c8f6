import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ImportOutcome } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import { TestId } from '../lib/test-ids';
import { callsOf, fakeCore } from '../test-ipc';
import { inspection, officeCard, TOKYO_FINGERPRINT, TOKYO_GROUPED, tokyoSigner, trustedOffice } from '../test-exchange';
import BundlePreview from './BundlePreview.svelte';

const PATH = '/home/lan/Tải về/brief (1).zip';

const outcome = (fields: Partial<ImportOutcome> = {}): ImportOutcome => ({
  status: 'imported',
  received_id: 4,
  title: 'Thị trường Nhật Bản cho bán dẫn',
  brief_version: 2,
  signer: tokyoSigner({ trust: 'trusted', key_id: 1 }),
  trusted_now: true,
  ...fields,
});

describe('BundlePreview', () => {
  it('shows the signer, its grouped fingerprint, the brief and every member before anything is written', async () => {
    const calls = fakeCore({ exchange_inspect: () => inspection() });
    render(BundlePreview, { path: PATH });
    expect(await screen.findByTestId(TestId.previewSigner)).toHaveTextContent('Thương vụ Việt Nam tại Nhật Bản');
    expect(screen.getByTestId(TestId.previewTrust)).toHaveTextContent('Chưa tin cậy');
    expect(screen.getByTestId(TestId.previewFingerprint)).toHaveTextContent(TOKYO_GROUPED);
    expect(screen.getByText('Thị trường Nhật Bản cho bán dẫn')).toBeInTheDocument();
    const members = screen.getAllByTestId(TestId.previewMember);
    expect(members.map((m) => within(m).getAllByRole('cell')[0].textContent)).toEqual(['brief.pdf', 'brief.json', 'opportunities.json']);
    expect(members[0]).toHaveTextContent('146,5 KB');
    expect(members[0]).toHaveTextContent('c4c4c4c4c4c4…');
    expect(screen.getByTestId(TestId.previewWould)).toHaveTextContent('Thêm bản tin mới vào mục Đã nhận.');
    // Content is read only from trusted signers.
    expect(screen.getByText('Chỉ đọc sau khi tin cậy cơ quan ký')).toBeInTheDocument();
    expect(callsOf(calls, 'exchange_inspect')).toEqual([{ path: PATH }]);
    expect(callsOf(calls, 'exchange_import')).toEqual([]);
    expect(screen.queryByTestId(TestId.previewImport)).toBeNull();
  });

  it('trusts an unknown signer only after the confirmation that shows its fingerprint, then imports', async () => {
    const calls = fakeCore({ exchange_inspect: () => inspection(), exchange_import: () => outcome() });
    render(BundlePreview, { path: PATH });
    await fireEvent.click(await screen.findByTestId(TestId.previewTrustImport));

    const dialog = screen.getByTestId(TestId.trustConfirmDialog);
    expect(within(dialog).getByTestId(TestId.trustConfirmFingerprint)).toHaveTextContent(TOKYO_GROUPED);
    expect(dialog).toHaveTextContent('Thương vụ Việt Nam tại Nhật Bản');
    const confirm = within(dialog).getByTestId(TestId.trustConfirm);
    expect(confirm).toBeDisabled();
    await fireEvent.click(within(dialog).getByTestId(TestId.trustConfirmMatch));
    expect(confirm).toBeEnabled();
    await fireEvent.click(confirm);

    await waitFor(() => expect(callsOf(calls, 'exchange_import')).toEqual([{ path: PATH, trust: true }]));
    const done = await screen.findByTestId(TestId.importOutcome);
    expect(done).toHaveTextContent('Đã nhập bản tin. Cơ quan ký đã được thêm vào danh sách tin cậy.');
    expect(screen.queryByTestId(TestId.trustConfirmDialog)).toBeNull();
    await fireEvent.click(screen.getByTestId(TestId.openReceived));
    expect(router.path).toBe('/exchange/received/4');
  });

  it('cancels the trust question with Esc, trusting nothing', async () => {
    const calls = fakeCore({ exchange_inspect: () => inspection() });
    render(BundlePreview, { path: PATH });
    await fireEvent.click(await screen.findByTestId(TestId.previewTrustImport));
    await fireEvent.keyDown(screen.getByTestId(TestId.trustConfirmDialog), { key: 'Escape' });
    expect(screen.queryByTestId(TestId.trustConfirmDialog)).toBeNull();
    expect(callsOf(calls, 'exchange_import')).toEqual([]);
  });

  it('imports from a trusted signer at once, saying what it did', async () => {
    const calls = fakeCore({
      exchange_inspect: () => inspection({ signer: tokyoSigner({ trust: 'trusted', key_id: 1 }), would: 'updated', refusal: null, opportunities: 3 }),
      exchange_import: () => outcome({ status: 'updated', trusted_now: false }),
    });
    render(BundlePreview, { path: PATH });
    expect(await screen.findByTestId(TestId.previewWould)).toHaveTextContent('Thay bằng phiên bản mới hơn');
    await fireEvent.click(screen.getByTestId(TestId.previewImport));
    expect(await screen.findByTestId(TestId.importOutcome)).toHaveTextContent('Đã cập nhật lên phiên bản mới.');
    expect(callsOf(calls, 'exchange_import')).toEqual([{ path: PATH, trust: false }]);
  });

  it('refuses a known office signing with a new key: code and message, and no way to import', async () => {
    setLanguage('en');
    fakeCore({
      exchange_inspect: () =>
        inspection({
          signer: tokyoSigner({ trust: 'key_changed' }),
          would: null,
          refusal: { code: 'key_changed', message_vi: 'Khoá của cơ quan đã thay đổi', message_en: 'The office’s key has changed', fields: [] },
        }),
    });
    render(BundlePreview, { path: PATH });
    const refusal = await screen.findByTestId(TestId.previewRefusal);
    expect(refusal).toHaveTextContent('The office’s key has changed');
    expect(within(refusal).getByTestId(TestId.previewRefusalCode)).toHaveTextContent('key_changed');
    expect(screen.getByTestId(TestId.previewTrust)).toHaveTextContent('Key changed');
    expect(screen.queryByTestId(TestId.previewImport)).toBeNull();
    expect(screen.queryByTestId(TestId.previewTrustImport)).toBeNull();
  });

  it('shows a file refused outright with its code in the interface language, and that nothing was written', async () => {
    fakeCore({
      exchange_inspect: () => {
        throw { code: 'hash_mismatch', message_vi: 'Tệp brief.pdf đã bị thay đổi', message_en: 'brief.pdf was altered', fields: [] };
      },
    });
    render(BundlePreview, { path: PATH });
    const refusal = await screen.findByTestId(TestId.previewRefusal);
    expect(refusal).toHaveTextContent('Tệp bị từ chối');
    expect(refusal).toHaveTextContent('Tệp brief.pdf đã bị thay đổi');
    expect(within(refusal).getByTestId(TestId.previewRefusalCode)).toHaveTextContent('hash_mismatch');
    expect(screen.getByText('Không có gì được ghi vào dữ liệu.')).toBeInTheDocument();
  });

  it('previews an office card opened in place of a bundle, and trusts it after the confirmation', async () => {
    const calls = fakeCore({
      exchange_inspect: () => {
        throw { code: 'not_a_bundle', message_vi: 'Không phải gói bản tin', message_en: 'Not a bundle', fields: [] };
      },
      inspect_office_card: () => officeCard(),
      trust_office: () => trustedOffice(1),
    });
    render(BundlePreview, { path: '/tmp/tokyo.dpoffice' });
    const card = await screen.findByTestId(TestId.cardPreview);
    expect(within(card).getByTestId(TestId.previewFingerprint)).toHaveTextContent(TOKYO_GROUPED);
    expect(screen.queryByTestId(TestId.previewRefusal)).toBeNull();
    await fireEvent.click(within(card).getByTestId(TestId.cardTrustConfirm));
    await fireEvent.click(screen.getByTestId(TestId.trustConfirmMatch));
    await fireEvent.click(screen.getByTestId(TestId.trustConfirm));
    await waitFor(() =>
      expect(callsOf(calls, 'trust_office')).toEqual([{ fingerprint: TOKYO_FINGERPRINT, cardPath: '/tmp/tokyo.dpoffice', name: null }]),
    );
    await waitFor(() => expect(router.path).toBe('/exchange/offices'));
  });

  it('without a file, offers to open one', async () => {
    fakeCore({});
    render(BundlePreview, { path: null });
    expect(screen.getByTestId(TestId.previewNoFile)).toHaveTextContent('Chưa chọn tệp nào.');
  });
});
