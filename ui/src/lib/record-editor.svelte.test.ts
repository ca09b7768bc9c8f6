import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { callsOf, fakeCore, storedOrganization } from '../test-ipc';
import { ApiError } from './api';
import { RecordEditor, recordEditor, type FieldsOrErrors } from './record-editor.svelte';
import { hasUnsavedChanges } from './unsaved.svelte';

// An editor lives as long as its form: here, an effect root each test ends (`gone`).
const roots: (() => void)[] = [];
function living<T>(make: () => T): T {
  let made!: T;
  roots.push(
    $effect.root(() => {
      made = make();
    }),
  );
  return made;
}
function gone(): void {
  for (const end of roots.splice(0)) end();
}
afterEach(gone);

type Draft = { title: string; start_date: string };
type Stored = { id: number; title: string; start_date: string | null };

// An editor over an in-memory store, so each test says what the core answers.
function editorWith(write: (stored: Stored | null, fields: Partial<Stored>) => Promise<number>) {
  const writes: Partial<Stored>[] = [];
  const editor = living(() => new RecordEditor<Stored, Draft, Partial<Stored>>({
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
  }));
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
    const editor = living(() => new RecordEditor<Stored, Draft, Partial<Stored>>({
      draftOf: () => ({ title: '', start_date: '' }),
      fieldsOf: () => ({ ok: true, fields: {} }),
      read: async () => {
        throw new ApiError({ code: 'not_found', message_vi: 'Không thấy', message_en: 'Not found', fields: [] });
      },
      write: async () => 1,
    }));
    await editor.load(3);
    expect(editor.loadError?.code).toBe('not_found');
    expect(editor.loading).toBe(false);
  });

  it('over a record kind, reads with get_record and sends only the changed fields', async () => {
    const calls = fakeCore({
      get_record: () => storedOrganization(3, 'Công ty A'),
      update_record: () => storedOrganization(3, 'Công ty B'),
    });
    const editor = living(() => recordEditor('organizations', {
      draftOf: (o) => ({ name_vi: o?.name_vi ?? '' }),
      fieldsOf: (d) => ({ ok: true, fields: { name_vi: d.name_vi } }),
    }));
    await editor.load(3);
    editor.draft.name_vi = 'Công ty B';
    expect(await editor.save()).toBe(3);
    expect(callsOf(calls, 'update_record')).toEqual([{ kind: 'organizations', id: 3, patch: { name_vi: 'Công ty B', revision: 1 } }]);
  });
});

describe('RecordEditor: what outlives an edit', () => {
  const refusal = (fields: { field: string; code: string }[]) =>
    new ApiError({
      code: 'invalid',
      message_vi: '',
      message_en: '',
      fields: fields.map((f) => ({ ...f, message_vi: 'Sai', message_en: 'Wrong' })),
    });

  it('holds the way out while dirty: not when clean, not once saved, not once its form is gone', async () => {
    const { editor } = editorWith(async () => 9);
    flushSync();
    expect(hasUnsavedChanges()).toBe(false);
    editor.draft.title = 'Đoàn mới';
    flushSync();
    expect(hasUnsavedChanges()).toBe(true);
    await editor.save();
    flushSync();
    expect(hasUnsavedChanges()).toBe(false);
    editor.draft.title = 'Đoàn khác';
    flushSync();
    expect(hasUnsavedChanges()).toBe(true);
    gone();
    expect(hasUnsavedChanges()).toBe(false);
  });

  it("drops a field's error once the field changes, and the form's alert with the last one", async () => {
    const { editor } = editorWith(async () => {
      throw refusal([
        { field: 'title', code: 'too_long' },
        { field: 'start_date', code: 'required' },
      ]);
    });
    editor.draft.title = 'Đoàn';
    expect(await editor.save()).toBeNull();
    expect(editor.errors.of('title')).toHaveLength(1);
    editor.draft.title = 'Đoàn ngắn';
    expect(editor.errors.of('title')).toEqual([]);
    expect(editor.errors.of('start_date')).toHaveLength(1);
    expect(editor.errors.current?.fields.map((f) => f.field)).toEqual(['start_date']);
    editor.draft.start_date = '2027-03-08';
    expect(editor.errors.current).toBeNull();
    // Typed back to the value refused, the error is true again.
    editor.draft.title = 'Đoàn';
    expect(editor.errors.of('title')).toHaveLength(1);
  });

  it('drops an error about the order of dates when a date changes, and one the form computes when any field does', async () => {
    const { editor } = editorWith(async () => {
      throw refusal([
        { field: 'start_date', code: 'end_before_start' },
        { field: 'budget_minor', code: 'negative' },
      ]);
    });
    editor.draft.title = 'Đoàn';
    editor.draft.start_date = '2027-03-08';
    expect(await editor.save()).toBeNull();
    expect(editor.errors.fields).toHaveLength(2);
    editor.draft.title = 'Đoàn mới';
    expect(editor.errors.fields.map((e) => e.code)).toEqual(['end_before_start']);
    editor.draft.start_date = '2027-03-01';
    expect(editor.errors.fields).toEqual([]);
  });

  it("drops the model's own refusal (a required field) once the field is filled", async () => {
    const { editor } = editorWith(async () => 9);
    expect(await editor.save()).toBeNull();
    expect(editor.errors.of('title').map((e) => e.code)).toEqual(['required']);
    editor.draft.title = 'Đoàn';
    expect(editor.errors.of('title')).toEqual([]);
  });
});
