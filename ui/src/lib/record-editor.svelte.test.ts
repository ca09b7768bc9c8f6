import { describe, expect, it } from 'vitest';
import { callsOf, fakeCore, storedOrganization } from '../test-ipc';
import { ApiError } from './api';
import { RecordEditor, recordEditor, type FieldsOrErrors } from './record-editor.svelte';

type Draft = { title: string; start_date: string };
type Stored = { id: number; title: string; start_date: string | null };

// An editor over an in-memory store, so each test says what the core answers.
function editorWith(write: (stored: Stored | null, fields: Partial<Stored>) => Promise<number>) {
  const writes: Partial<Stored>[] = [];
  const editor = new RecordEditor<Stored, Draft, Partial<Stored>>({
    draftOf: (r) => ({ title: r?.title ?? '', start_date: r?.start_date ?? '' }),
    fieldsOf: (d): FieldsOrErrors<Partial<Stored>> =>
      d.title.trim() === ''
        ? { ok: false, errors: [{ field: 'title', code: 'required', message_vi: 'Cần tên', message_en: 'Needed' }] }
        : { ok: true, fields: { title: d.title.trim(), start_date: d.start_date || null } },
    read: async (id) => ({ id, title: 'Đoàn Nhật Bản', start_date: '2027-03-08' }),
    write: (stored, fields) => {
      writes.push(fields);
      return write(stored, fields);
    },
    dateFields: ['start_date'],
  });
  return { editor, writes };
}

describe('RecordEditor', () => {
  it('loads the record into the draft, and is dirty only once the draft differs from it', async () => {
    const { editor } = editorWith(async () => 1);
    await editor.load(4);
    expect(editor.stored?.id).toBe(4);
    expect(editor.draft).toEqual({ title: 'Đoàn Nhật Bản', start_date: '2027-03-08' });
    expect(editor.dirty).toBe(false);
    editor.draft.title = 'Đoàn Hàn Quốc';
    expect(editor.dirty).toBe(true);
    editor.draft.title = 'Đoàn Nhật Bản';
    expect(editor.dirty).toBe(false);
  });

  it('saves the fields, returns the id and is clean again', async () => {
    const { editor, writes } = editorWith(async () => 9);
    editor.draft.title = ' Đoàn mới ';
    expect(editor.dirty).toBe(true);
    expect(await editor.save()).toBe(9);
    expect(writes).toEqual([{ title: 'Đoàn mới', start_date: null }]);
    expect(editor.dirty).toBe(false);
    expect(editor.saving).toBe(false);
  });

  it('refuses to send a draft its model refuses, with the errors next to their fields', async () => {
    const { editor, writes } = editorWith(async () => 9);
    expect(await editor.save()).toBeNull();
    expect(writes).toEqual([]);
    expect(editor.errors.of('title').map((e) => e.code)).toEqual(['required']);
  });

  it('refuses to send a date it cannot read, saying so next to the date', async () => {
    const { editor, writes } = editorWith(async () => 9);
    editor.draft.title = 'Đoàn';
    editor.draft.start_date = '31/02/2027';
    expect(await editor.save()).toBeNull();
    expect(writes).toEqual([]);
    expect(editor.errors.of('start_date').map((e) => e.code)).toEqual(['invalid_date']);
  });

  it('keeps the core refusal as field errors, and the draft still dirty', async () => {
    const { editor } = editorWith(async () => {
      throw new ApiError({
        code: 'invalid',
        message_vi: '',
        message_en: '',
        fields: [{ field: 'title', code: 'too_long', message_vi: 'Quá dài', message_en: 'Too long' }],
      });
    });
    editor.draft.title = 'Đoàn';
    expect(await editor.save()).toBeNull();
    expect(editor.errors.of('title').map((e) => e.message_en)).toEqual(['Too long']);
    expect(editor.dirty).toBe(true);
    expect(editor.saving).toBe(false);
  });

  it('says why the record could not be read', async () => {
    const editor = new RecordEditor<Stored, Draft, Partial<Stored>>({
      draftOf: () => ({ title: '', start_date: '' }),
      fieldsOf: () => ({ ok: true, fields: {} }),
      read: async () => {
        throw new ApiError({ code: 'not_found', message_vi: 'Không thấy', message_en: 'Not found', fields: [] });
      },
      write: async () => 1,
    });
    await editor.load(3);
    expect(editor.loadError?.code).toBe('not_found');
    expect(editor.loading).toBe(false);
  });

  it('over a record kind, reads with get_record and sends only the changed fields', async () => {
    const calls = fakeCore({
      get_record: () => storedOrganization(3, 'Công ty A'),
      update_record: () => storedOrganization(3, 'Công ty B'),
    });
    const editor = recordEditor('organizations', {
      draftOf: (o) => ({ name_vi: o?.name_vi ?? '' }),
      fieldsOf: (d) => ({ ok: true, fields: { name_vi: d.name_vi } }),
    });
    await editor.load(3);
    editor.draft.name_vi = 'Công ty B';
    expect(await editor.save()).toBe(3);
    expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'organizations', id: 3, patch: { name_vi: 'Công ty B' } }]);
  });
});
