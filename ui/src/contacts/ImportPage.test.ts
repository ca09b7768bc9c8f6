// Importing contacts from a file: preview (nothing written), the mapping edited and previewed
// again, dry run and import, undo, the history, and the core's file errors.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { open } from '@tauri-apps/plugin-dialog';
import type { ColumnMap, ImportBatch, ImportReport, ImportRequest } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import {
  callsOf,
  fakeCore,
  importBatch,
  importedContact,
  importReport,
  invalidPayload,
  rowError,
} from '../test-ipc';
import ImportPage from './ImportPage.svelte';
import { TestId } from '../lib/test-ids';

vi.mock('@tauri-apps/plugin-dialog', () => ({ open: vi.fn(), save: vi.fn() }));
const openDialog = vi.mocked(open);
beforeEach(() => openDialog.mockReset());

const PATH = '/home/lan/Tải về/danh-ba.csv';

// Six data rows: two created, two already in the book, two rejected.
const preview = importReport({
  rows: 6,
  contacts_created: 2,
  organizations_created: 1,
  errors: [
    rowError(4, 'emails[0].value'),
    rowError(6, 'consent_date', {
      code: 'invalid_date',
      message_vi: 'Ngày không hợp lệ: «31/02/2026»',
      message_en: 'Not a valid date: “31/02/2026”',
    }),
    rowError(6, 'full_name', { code: 'required', message_vi: 'Thiếu họ tên', message_en: 'The name is missing' }),
  ],
  duplicates: [
    { line: 3, full_name: 'Tanaka Hiroshi', existing_id: 15, reason: 'email', value: 'tanaka@hanshin.co.jp' },
    { line: 5, full_name: 'Kim Min-jun', existing_id: null, reason: 'phone', value: '+82 2 555 0100' },
  ],
  sample: [
    importedContact(2, 'Park Ji-ho', {
      emails: [{ label: '', value: 'park@seoulsemi.kr' }],
      phones: [{ label: '', value: '+82 2 555 0199' }],
      organization: 'Seoul Semiconductor',
    }),
    importedContact(7, 'Lê Thu Hà', { consent_basis: 'unknown' }),
  ],
});

function core(
  extra: Record<string, (args: Record<string, unknown>) => unknown> = {},
  batches: ImportBatch[] = [],
) {
  return fakeCore({
    list_imports: () => batches,
    import_preview: (args) => {
      const mapping = args.mapping as ColumnMap[] | null;
      return mapping ? { ...preview, mapping } : preview;
    },
    import_contacts: (args) => {
      const report: ImportReport = args.request.dry_run
        ? { ...preview, dry_run: true }
        : { ...preview, dry_run: false, import_id: 12 };
      return report;
    },
    ...extra,
  });
}

async function loadTyped(path = PATH) {
  await fireEvent.input(screen.getByTestId(TestId.importPath), { target: { value: path } });
  await fireEvent.click(screen.getByTestId(TestId.importLoad));
}

describe('import screen', () => {
  it('previews a typed path: format, mapping per column, counts, rejected rows by line, duplicates, sample', async () => {
    const calls = core();
    render(ImportPage);
    await loadTyped();

    const panel = await screen.findByTestId(TestId.importPreview);
    expect(callsOf(calls, 'import_preview')).toEqual([{ path: PATH, format: null, mapping: null }]);
    expect(callsOf(calls, 'import_contacts')).toHaveLength(0);
    expect(within(panel).getByTestId(TestId.importFile)).toHaveTextContent(PATH);
    expect(screen.getByTestId(TestId.importFormat)).toHaveValue('csv');

    const rows = screen.getAllByTestId(TestId.mappingRow);
    expect(rows.map((r) => r.dataset.column)).toEqual(['Họ tên', 'Email', 'Điện thoại', 'Công ty']);
    const targets = screen.getAllByTestId(TestId.mappingTarget) as HTMLSelectElement[];
    expect(targets.map((s) => s.value)).toEqual(['full_name', 'email', 'phone', 'organization']);
    // Every target is offered, named in the interface language.
    expect(within(targets[0]).getAllByRole('option')).toHaveLength(17);
    expect(within(targets[0]).getByRole('option', { name: 'Bỏ qua cột này' })).toHaveValue('ignore');
    expect(within(targets[3]).getByRole('option', { selected: true })).toHaveTextContent('Tổ chức (theo tên)');
    // Labels are asked only for email and phone columns.
    expect(within(rows[1]).getByTestId(TestId.mappingLabel)).toBeInTheDocument();
    expect(within(rows[0]).queryByTestId(TestId.mappingLabel)).toBeNull();

    const counts = screen.getByTestId(TestId.importCounts);
    expect(counts).toHaveTextContent('6 dòng đọc được');
    expect(counts).toHaveTextContent('2 người liên hệ sẽ được tạo');
    expect(counts).toHaveTextContent('1 tổ chức sẽ được tạo');
    expect(counts).toHaveTextContent('2 người đã có trong danh bạ (bỏ qua)');
    // Three errors on two rows: two rows rejected.
    expect(counts).toHaveTextContent('2 dòng bị từ chối');

    const errors = screen.getAllByTestId(TestId.importError);
    expect(errors.map((e) => e.textContent)).toEqual([
      'Dòng 4 · Email: Email không hợp lệ: «tanaka@»',
      'Dòng 6 · Ngày đồng ý: Ngày không hợp lệ: «31/02/2026»',
      'Dòng 6 · Họ tên: Thiếu họ tên',
    ]);

    const duplicates = screen.getAllByTestId(TestId.importDuplicate);
    expect(duplicates[0]).toHaveTextContent('Dòng 3 · Tanaka Hiroshi · cùng email tanaka@hanshin.co.jp');
    expect(within(duplicates[0]).getByTestId(TestId.importDuplicateExisting)).toHaveAttribute('href', '#/contacts/people/15');
    expect(duplicates[1]).toHaveTextContent('trùng với một dòng trước trong tệp');
    expect(within(duplicates[1]).queryByRole('link')).toBeNull();

    const sample = screen.getAllByTestId(TestId.importSampleRow);
    expect(sample).toHaveLength(2);
    expect(sample[0]).toHaveTextContent('Park Ji-ho');
    expect(sample[0]).toHaveTextContent('Seoul Semiconductor');
    expect(sample[0]).toHaveTextContent('park@seoulsemi.kr');

    setLanguage('en');
    await waitFor(() => expect(screen.getAllByTestId(TestId.importError)[0]).toHaveTextContent('Line 4 · Email: Not a valid email address: “tanaka@”'));
    expect(screen.getAllByTestId(TestId.importError)[1]).toHaveTextContent('Line 6 · Consent date: Not a valid date');
    expect(screen.getByTestId(TestId.importCounts)).toHaveTextContent('6 rows read');
    expect(screen.getByTestId(TestId.importCounts)).toHaveTextContent('2 rows rejected');
    expect(screen.getByTestId(TestId.importCounts)).toHaveTextContent('1 organisation would be created');
    expect(screen.getByTestId(TestId.importRun)).toHaveTextContent('Import 2 contacts');
    expect(within(screen.getAllByTestId(TestId.mappingTarget)[3]).getByRole('option', { selected: true })).toHaveTextContent('Organisation (by name)');
    setLanguage('vi');
  });

  it('chooses the file in the open dialog (contact files only); a cancelled dialog reads nothing', async () => {
    const calls = core();
    render(ImportPage);
    openDialog.mockResolvedValueOnce(null);
    await fireEvent.click(screen.getByTestId(TestId.importChoose));
    await waitFor(() => expect(openDialog).toHaveBeenCalledTimes(1));
    expect(openDialog).toHaveBeenCalledWith({
      multiple: false,
      filters: [{ name: 'Danh bạ / Contacts', extensions: ['csv', 'tsv', 'txt', 'vcf'] }],
    });
    expect(callsOf(calls, 'import_preview')).toHaveLength(0);

    openDialog.mockResolvedValueOnce('/home/lan/contacts.vcf');
    await fireEvent.click(screen.getByTestId(TestId.importChoose));
    await screen.findByTestId(TestId.importPreview);
    expect(callsOf(calls, 'import_preview')).toEqual([{ path: '/home/lan/contacts.vcf', format: null, mapping: null }]);
    expect(screen.getByTestId(TestId.importPath)).toHaveValue('/home/lan/contacts.vcf');
  });

  it('changing a column’s target previews again with the edited mapping; changing the format, with the format', async () => {
    const calls = core();
    render(ImportPage);
    await loadTyped();
    await screen.findByTestId(TestId.importPreview);

    await fireEvent.change(screen.getAllByTestId(TestId.mappingTarget)[3], { target: { value: 'ignore' } });
    await waitFor(() => expect(callsOf(calls, 'import_preview')).toHaveLength(2));
    expect(callsOf(calls, 'import_preview')[1]).toEqual({
      path: PATH,
      format: null,
      mapping: [
        { column: 'Họ tên', target: 'full_name', label: null },
        { column: 'Email', target: 'email', label: null },
        { column: 'Điện thoại', target: 'phone', label: null },
        { column: 'Công ty', target: 'ignore', label: null },
      ],
    });
    await waitFor(() => expect((screen.getAllByTestId(TestId.mappingTarget)[3] as HTMLSelectElement).value).toBe('ignore'));

    // A label for the phone column's values.
    await fireEvent.change(screen.getAllByTestId(TestId.mappingLabel)[1], { target: { value: ' di động ' } });
    await waitFor(() => expect(callsOf(calls, 'import_preview')).toHaveLength(3));
    expect((callsOf(calls, 'import_preview')[2].mapping as ColumnMap[])[2]).toEqual({
      column: 'Điện thoại',
      target: 'phone',
      label: 'di động',
    });

    // The import sends exactly what was previewed last.
    await waitFor(() => expect(screen.getByTestId(TestId.importDryRun)).toBeEnabled());
    await fireEvent.click(screen.getByTestId(TestId.importDryRun));
    await screen.findByTestId(TestId.importResult);
    expect(callsOf(calls, 'import_contacts')[0]).toEqual({
      request: { ...callsOf(calls, 'import_preview')[2], dry_run: true, expected_sha256: preview.sha256 },
    });

    await fireEvent.change(screen.getByTestId(TestId.importFormat), { target: { value: 'outlook' } });
    await waitFor(() => expect(callsOf(calls, 'import_preview')).toHaveLength(4));
    expect(callsOf(calls, 'import_preview')[3]).toEqual({ path: PATH, format: 'outlook', mapping: null });
    // A new preview drops the earlier result.
    await waitFor(() => expect(screen.queryByTestId(TestId.importResult)).toBeNull());
  });

  it('a dry run writes nothing; the import runs once with dryRun false, shows its number, and can be undone', async () => {
    let batches: ImportBatch[] = [];
    const calls = core(
      {
        list_imports: () => batches,
        import_contacts: (args) => {
          if ((args.request as ImportRequest).dry_run) return { ...preview, dry_run: true };
          batches = [importBatch(12, { file_name: 'danh-ba.csv', rows_rejected: 2, duplicates_skipped: 2 })];
          return { ...preview, dry_run: false, import_id: 12 };
        },
        undo_import: (args) => {
          batches = [importBatch(12, { undone_at: '2026-03-02T03:00:00Z' })];
          return { import_id: args.importId, contacts_removed: 2, organizations_removed: 0, organizations_kept: 1 };
        },
      },
    );
    render(ImportPage);
    await loadTyped();
    await screen.findByTestId(TestId.importPreview);
    expect(await screen.findByTestId(TestId.importHistory)).toHaveTextContent('Chưa nhập tệp nào.');

    await fireEvent.click(screen.getByTestId(TestId.importDryRun));
    let result = await screen.findByTestId(TestId.importResult);
    // The preview's checksum goes with the import, so a file changed since is refused.
    expect(callsOf(calls, 'import_contacts')).toEqual([
      { request: { path: PATH, format: null, mapping: null, dry_run: true, expected_sha256: preview.sha256 } },
    ]);
    expect(result).toHaveTextContent('Chạy thử xong — chưa có gì được ghi vào danh bạ.');
    expect(result).toHaveTextContent('Sẽ tạo 2 người liên hệ và 1 tổ chức');
    expect(within(result).queryByTestId(TestId.importUndo)).toBeNull();

    expect(screen.getByTestId(TestId.importRun)).toHaveTextContent('Nhập 2 người liên hệ');
    await fireEvent.click(screen.getByTestId(TestId.importRun));
    await waitFor(() => expect(callsOf(calls, 'import_contacts')).toHaveLength(2));
    expect(callsOf(calls, 'import_contacts')[1]).toEqual({
      request: { path: PATH, format: null, mapping: null, dry_run: false, expected_sha256: preview.sha256 },
    });
    result = await screen.findByTestId(TestId.importId);
    expect(result).toHaveTextContent('Đã nhập xong (lần nhập số 12).');
    expect(screen.getByTestId(TestId.importResult)).toHaveTextContent('Đã tạo 2 người liên hệ và 1 tổ chức');
    expect(screen.getByTestId(TestId.importResult)).toHaveTextContent('2 dòng bị từ chối');
    // The same import cannot be sent twice.
    expect(screen.getByTestId(TestId.importRun)).toBeDisabled();
    // The history is read again and lists it.
    const batch = await screen.findByTestId(TestId.importBatch);
    expect(batch).toHaveAttribute('data-import-id', '12');
    expect(batch).toHaveTextContent('danh-ba.csv');

    // Undo asks once more, then sends the import's number.
    await fireEvent.click(screen.getByTestId(TestId.importUndo));
    expect(callsOf(calls, 'undo_import')).toHaveLength(0);
    await fireEvent.click(screen.getByTestId(TestId.undoConfirm));
    await waitFor(() => expect(callsOf(calls, 'undo_import')).toEqual([{ importId: 12 }]));
    const undone = await screen.findByTestId(TestId.importUndone);
    expect(undone).toHaveTextContent('Đã hoàn tác lần nhập số 12: xoá 2 người liên hệ và 0 tổ chức.');
    expect(undone).toHaveTextContent('Giữ lại 1 tổ chức vì đang được dùng ở nơi khác.');
    expect(screen.queryByTestId(TestId.importUndo)).toBeNull();
    // The book is back where the preview found it: the result box goes, the file may be imported again.
    expect(screen.queryByTestId(TestId.importResult)).toBeNull();
    expect(screen.getByTestId(TestId.importRun)).toBeEnabled();
    await waitFor(() => expect(screen.getByTestId(TestId.importBatch)).toHaveClass('undone'));
    expect(within(screen.getByTestId(TestId.importBatch)).getByTestId(TestId.importBatchUndone)).toHaveTextContent('Đã hoàn tác 02/03/2026');
    expect(screen.queryByTestId(TestId.importBatchUndo)).toBeNull();
  });

  it('the history undoes an earlier import; the core’s refusal (changed since) is shown', async () => {
    const calls = core(
      {
        undo_import: () => {
          throw invalidPayload([
            {
              field: 'import_id',
              code: 'changed_since',
              message_vi: 'Không thể hoàn tác: 1 người đã được sửa hoặc gắn với tương tác/đoàn sau khi nhập (số 31)',
              message_en: 'Cannot undo: 1 contact was edited or linked since the import (no. 31)',
            },
          ]);
        },
      },
      [
        importBatch(9, { file_name: 'google.csv', format: 'google', contacts_created: 40 }),
        importBatch(8, { file_name: 'cu.vcf', format: 'vcard', undone_at: '2026-02-01T01:00:00Z' }),
      ],
    );
    render(ImportPage);
    const rows = await screen.findAllByTestId(TestId.importBatch);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('CSV của Google Contacts');
    expect(rows[0]).not.toHaveClass('undone');
    expect(rows[1]).toHaveClass('undone');
    expect(rows[1]).toHaveTextContent('vCard (.vcf)');
    expect(within(rows[1]).queryByTestId(TestId.importBatchUndo)).toBeNull();

    await fireEvent.click(within(rows[0]).getByTestId(TestId.importBatchUndo));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Hoàn tác lần nhập số 9? 40 người liên hệ');
    await fireEvent.click(screen.getByTestId(TestId.undoConfirm));
    const error = await screen.findByTestId(TestId.undoError);
    expect(callsOf(calls, 'undo_import')).toEqual([{ importId: 9 }]);
    expect(error).toHaveTextContent('Không thể hoàn tác: 1 người đã được sửa');
    expect(error).not.toHaveTextContent('import_id');
  });

  it('shows the core’s file error (too large, not UTF-8 at a line) and no preview', async () => {
    const calls = core({
      import_preview: () => {
        throw invalidPayload([
          {
            field: 'file',
            code: 'not_utf8',
            message_vi: 'Tệp không phải UTF-8 (dòng 17); hãy lưu lại tệp dưới dạng CSV UTF-8',
            message_en: 'The file is not UTF-8 (line 17); save it again as CSV UTF-8',
          },
        ]);
      },
    });
    render(ImportPage);
    await loadTyped('/home/lan/excel.csv');
    const alert = await screen.findByTestId(TestId.importFileError);
    expect(alert).toHaveTextContent('Tệp không phải UTF-8 (dòng 17)');
    expect(alert).not.toHaveTextContent('file:');
    expect(screen.queryByTestId(TestId.importPreview)).toBeNull();
    expect(screen.queryByTestId(TestId.importRun)).toBeNull();
    expect(callsOf(calls, 'import_contacts')).toHaveLength(0);
  });

  it('keeps the preview when the core refuses an edited mapping, and imports nothing until it is fixed', async () => {
    let refuse = false;
    core({
      import_preview: (args) => {
        if (refuse) {
          throw invalidPayload([
            { field: 'mapping', code: 'no_name', message_vi: 'Cần một cột họ tên', message_en: 'A name column is needed' },
          ]);
        }
        const mapping = args.mapping as ColumnMap[] | null;
        return mapping ? { ...preview, mapping } : preview;
      },
    });
    render(ImportPage);
    await loadTyped();
    await screen.findByTestId(TestId.importPreview);
    refuse = true;
    await fireEvent.change(screen.getAllByTestId(TestId.mappingTarget)[0], { target: { value: 'ignore' } });
    expect(await screen.findByTestId(TestId.importFileError)).toHaveTextContent('Cần một cột họ tên');
    expect(screen.getByTestId(TestId.importPreview)).toBeInTheDocument();
    expect(screen.getByTestId(TestId.importRun)).toBeDisabled();
    expect(screen.getByTestId(TestId.importDryRun)).toBeDisabled();

    refuse = false;
    await fireEvent.change(screen.getAllByTestId(TestId.mappingTarget)[0], { target: { value: 'full_name' } });
    await waitFor(() => expect(screen.queryByTestId(TestId.importFileError)).toBeNull());
    expect(screen.getByTestId(TestId.importRun)).toBeEnabled();
  });
});
