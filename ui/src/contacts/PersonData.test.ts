// The contact book to a file (people list), and a person's own data: exported as JSON or PDF,
// or erased after their name is typed, the core's report then shown on the people list.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { save } from '@tauri-apps/plugin-dialog';
import type { EntityKind } from '../lib/bindings.gen';
import App from '../App.svelte';
import { router } from '../lib/router.svelte';
import { callsOf, eraseReport, fakeCore, linkedOf, listOf, storedContact, storedInteraction } from '../test-ipc';
import PersonDetail from './PersonDetail.svelte';
import PersonList from './PersonList.svelte';
import { TestId } from '../lib/test-ids';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const saveDialog = vi.mocked(save);
beforeEach(() => saveDialog.mockReset());

const tanaka = storedContact(7, 'Tanaka Hiroshi', {
  consent_basis: 'consent',
  consent_date: '2026-02-01',
  consent_source: 'Phiếu đăng ký hội thảo Osaka',
});

describe('people list: the whole book to a file', () => {
  it('exports CSV and vCard through the save dialog, shows the path and size, and does nothing when cancelled', async () => {
    const calls = fakeCore({
      list_records: listOf({ contacts: [tanaka] }),
      export_contacts: (args) => ({ path: args.path, bytes: args.format === 'csv' ? 2_048 : 900 }),
    });
    render(PersonList);
    await screen.findByTestId(TestId.personRow);
    expect(screen.getByTestId(TestId.openImport)).toHaveAttribute('href', '#/contacts/import');
    expect(screen.getByTestId(TestId.openDuplicates)).toHaveAttribute('href', '#/contacts/duplicates');

    saveDialog.mockResolvedValueOnce(null);
    await fireEvent.click(screen.getByTestId(TestId.exportCsv));
    await waitFor(() => expect(saveDialog).toHaveBeenCalledTimes(1));
    expect(saveDialog).toHaveBeenLastCalledWith({
      defaultPath: expect.stringMatching(/^danh-ba-\d{4}-\d{2}-\d{2}\.csv$/),
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    expect(callsOf(calls, 'export_contacts')).toHaveLength(0);

    saveDialog.mockResolvedValueOnce('/home/lan/danh-ba.csv');
    await fireEvent.click(screen.getByTestId(TestId.exportCsv));
    const result = await screen.findByTestId(TestId.exportResult);
    expect(callsOf(calls, 'export_contacts')).toEqual([{ format: 'csv', path: '/home/lan/danh-ba.csv' }]);
    expect(within(result).getByTestId(TestId.exportPath)).toHaveTextContent('/home/lan/danh-ba.csv');
    expect(result).toHaveTextContent('2 KB');

    saveDialog.mockResolvedValueOnce('/home/lan/danh-ba.vcf');
    await fireEvent.click(screen.getByTestId(TestId.exportVcard));
    await waitFor(() => expect(screen.getByTestId(TestId.exportPath)).toHaveTextContent('/home/lan/danh-ba.vcf'));
    expect(saveDialog).toHaveBeenLastCalledWith({
      defaultPath: expect.stringMatching(/^danh-ba-\d{4}-\d{2}-\d{2}\.vcf$/),
      filters: [{ name: 'vCard', extensions: ['vcf'] }],
    });
    expect(callsOf(calls, 'export_contacts')[1]).toEqual({ format: 'vcard', path: '/home/lan/danh-ba.vcf' });
    expect(screen.getByTestId(TestId.exportResult)).toHaveTextContent('900 B');
  });

  it('shows why an export failed', async () => {
    fakeCore({
      list_records: listOf({ contacts: [tanaka] }),
      export_contacts: () => {
        throw { code: 'io', message_vi: 'Lỗi đọc/ghi tệp: không có quyền ghi', message_en: 'I/O error: permission denied', fields: [] };
      },
    });
    render(PersonList);
    saveDialog.mockResolvedValueOnce('/danh-ba.csv');
    await fireEvent.click(screen.getByTestId(TestId.exportCsv));
    expect(await screen.findByTestId(TestId.exportError)).toHaveTextContent('không có quyền ghi');
  });
});

describe('person page: personal data', () => {
  function core(extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
    return fakeCore({
      get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 45 }),
      get_record: (args) => {
        const kind = args.kind as EntityKind;
        const id = Number(args.id);
        if (kind === 'contacts') return tanaka;
        if (id === 41) return storedInteraction(41, '2026-02-10T02:00:00Z', 'Gọi lại cho ông Tanaka', { organization_id: null, delegation_id: 5 });
        return storedInteraction(id, '2026-02-03T03:30:00Z', 'Gặp Tanaka tại Osaka', { organization_id: 8 });
      },
      record_audit: () => [],
      list_records: listOf({ contacts: [storedContact(9, 'Lê Thu Hà')], interactions: [] }),
      person_export: (args) => ({ path: args.path, bytes: 5_120 }),
      linked_records: linkedOf(),
      ...extra,
    });
  }

  it('shows the lawful basis, and exports everything held as JSON or PDF through the save dialog', async () => {
    const calls = core();
    render(PersonDetail, { id: 7 });
    const privacy = await screen.findByTestId(TestId.personPrivacy);
    expect(screen.getByText('Sự đồng ý của chủ thể')).toBeInTheDocument();
    expect(screen.getByText('01/02/2026')).toBeInTheDocument();
    expect(screen.getByText('Phiếu đăng ký hội thảo Osaka')).toBeInTheDocument();

    saveDialog.mockResolvedValueOnce('/home/lan/tanaka.json');
    await fireEvent.click(within(privacy).getByTestId(TestId.personExportJson));
    await waitFor(() => expect(callsOf(calls, 'person_export')).toEqual([{ contactId: 7, path: '/home/lan/tanaka.json' }]));
    expect(saveDialog).toHaveBeenLastCalledWith({
      defaultPath: 'du-lieu-ca-nhan-tanaka-hiroshi.json',
      filters: [{ name: 'JSON', extensions: ['json'] }],
    });
    expect(await screen.findByTestId(TestId.personExportResult)).toHaveTextContent('/home/lan/tanaka.json');
    expect(screen.getByTestId(TestId.personExportResult)).toHaveTextContent('5 KB');

    saveDialog.mockResolvedValueOnce('/home/lan/tanaka.pdf');
    await fireEvent.click(within(privacy).getByTestId(TestId.personExportPdf));
    await waitFor(() => expect(callsOf(calls, 'person_export')).toHaveLength(2));
    expect(callsOf(calls, 'person_export')[1]).toEqual({ contactId: 7, path: '/home/lan/tanaka.pdf' });
    expect(saveDialog).toHaveBeenLastCalledWith({
      defaultPath: 'du-lieu-ca-nhan-tanaka-hiroshi.pdf',
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });

    saveDialog.mockResolvedValueOnce(null);
    await fireEvent.click(within(privacy).getByTestId(TestId.personExportPdf));
    await waitFor(() => expect(saveDialog).toHaveBeenCalledTimes(3));
    expect(callsOf(calls, 'person_export')).toHaveLength(2);
  });

  it('erases only after the name is typed, then leaves for the people list showing the report', async () => {
    const calls = core({
      person_erase: (args) =>
        eraseReport(Number(args.contactId), {
          memberships_removed: 2,
          interactions_unlinked: 3,
          meetings_unlinked: 1,
          audit_rows_scrubbed: 9,
          interactions_mentioning: [40, 41],
        }),
    });
    location.hash = '#/contacts/people/7';
    render(App);
    await screen.findByTestId(TestId.personPrivacy);

    await fireEvent.click(screen.getByTestId(TestId.personErase));
    const confirm = screen.getByTestId(TestId.eraseConfirm);
    const name = screen.getByTestId(TestId.eraseConfirmName);
    expect(screen.getByTestId(TestId.erasePanel)).toHaveTextContent('Gõ «Tanaka Hiroshi» để xác nhận');
    expect(confirm).toBeDisabled();
    await fireEvent.input(name, { target: { value: 'Tanaka' } });
    expect(confirm).toBeDisabled();
    // Submitting with the wrong name (Enter) does nothing either.
    await fireEvent.submit(name.closest('form')!);
    expect(callsOf(calls, 'person_erase')).toHaveLength(0);

    await fireEvent.input(name, { target: { value: '  tanaka   HIROSHI ' } });
    expect(confirm).toBeEnabled();
    await fireEvent.click(confirm);

    await waitFor(() => expect(callsOf(calls, 'person_erase')).toEqual([{ contactId: 7 }]));
    const report = await screen.findByTestId(TestId.eraseReport);
    expect(router.path).toBe('/contacts/people');
    expect(screen.queryByTestId(TestId.personDetail)).toBeNull();
    expect(screen.getByTestId(TestId.personList)).toContainElement(report);
    expect(report).toHaveTextContent('Đã xoá «Tanaka Hiroshi» khỏi danh bạ.');
    expect(report).toHaveTextContent('Gỡ khỏi 2 đoàn');
    expect(report).toHaveTextContent('Gỡ khỏi 3 tương tác');
    expect(report).toHaveTextContent('Gỡ khỏi 1 cuộc gặp trong lịch trình');
    expect(report).toHaveTextContent('Xoá thông tin trong 9 dòng lịch sử thay đổi');
    expect(report).toHaveTextContent('2 tương tác vẫn nhắc đến người này trong nội dung');

    const reviews = await within(report).findAllByTestId(TestId.eraseReview);
    expect(reviews).toHaveLength(2);
    expect(within(reviews[0]).getByRole('link')).toHaveAttribute('href', '#/contacts/organizations/8?interaction=40');
    expect(reviews[0]).toHaveTextContent('Gặp Tanaka tại Osaka');
    expect(within(reviews[1]).getByRole('link')).toHaveAttribute('href', '#/delegations/5');

    await fireEvent.click(screen.getByTestId(TestId.eraseDismiss));
    expect(screen.queryByTestId(TestId.eraseReport)).toBeNull();
  });

  it('deletes a person only by erasing them: Delete opens the typed-name confirmation, never a plain delete', async () => {
    const calls = core({ person_erase: (args) => eraseReport(Number(args.contactId)), delete_record: () => null });
    router.path = '/contacts/people/7';
    render(PersonDetail, { id: 7 });
    const remove = await screen.findByTestId(TestId.delete);
    expect(remove).toHaveTextContent('Xoá');
    expect(screen.queryByTestId(TestId.erasePanel)).toBeNull();

    await fireEvent.click(remove);
    expect(screen.getByTestId(TestId.erasePanel)).toHaveTextContent('Xoá vĩnh viễn «Tanaka Hiroshi»?');
    expect(screen.getByTestId(TestId.eraseConfirmName)).toHaveFocus();
    expect(remove).toBeDisabled();
    expect(screen.queryByTestId(TestId.confirmDelete)).toBeNull();

    await fireEvent.click(screen.getByTestId(TestId.eraseCancel));
    expect(screen.queryByTestId(TestId.erasePanel)).toBeNull();
    expect(remove).toBeEnabled();

    await fireEvent.click(remove);
    await fireEvent.input(screen.getByTestId(TestId.eraseConfirmName), { target: { value: 'tanaka hiroshi' } });
    await fireEvent.click(screen.getByTestId(TestId.eraseConfirm));
    await waitFor(() => expect(callsOf(calls, 'person_erase')).toEqual([{ contactId: 7 }]));
    expect(callsOf(calls, 'delete_record')).toHaveLength(0);
    await waitFor(() => expect(router.path).toBe('/contacts/people'));
  });

  it('stays on the page with the core’s refusal', async () => {
    core({
      person_erase: () => {
        throw { code: 'not_found', message_vi: 'Không tìm thấy người liên hệ có mã 7', message_en: 'Contact 7 not found', fields: [] };
      },
    });
    router.path = '/contacts/people/7';
    render(PersonDetail, { id: 7 });
    await fireEvent.click(await screen.findByTestId(TestId.personErase));
    await fireEvent.input(screen.getByTestId(TestId.eraseConfirmName), { target: { value: 'Tanaka Hiroshi' } });
    await fireEvent.click(screen.getByTestId(TestId.eraseConfirm));
    expect(await screen.findByTestId(TestId.eraseError)).toHaveTextContent('Không tìm thấy người liên hệ có mã 7');
    expect(router.path).toBe('/contacts/people/7');

    await fireEvent.click(screen.getByTestId(TestId.eraseCancel));
    expect(screen.queryByTestId(TestId.erasePanel)).toBeNull();
  });
});
