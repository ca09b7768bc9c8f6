import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorPayload, Organization, Stored } from './bindings.gen';
import { callsOf, fakeCore, storedOrganization } from '../test-ipc';
import { otherChanges, recordEditor } from './record-editor.svelte';

// The editor's answer to a save that met a change made elsewhere (`changed_elsewhere`).

const roots: (() => void)[] = [];
afterEach(() => {
  for (const end of roots.splice(0)) end();
});

/** The core's refusal of a save based on an old revision: the record as it is now. */
function changedElsewhere(current: Stored<Organization>, fields: string[]): ErrorPayload {
  return { code: 'changed_elsewhere', message_vi: 'Đã sửa ở nơi khác', message_en: 'Changed elsewhere', fields: [], changed: { current, fields } };
}

const loaded = storedOrganization(3, 'Công ty Đông Á', { city: 'Huế', website: null });
// The CLI changed the name and the website meanwhile.
const theirs = { ...storedOrganization(3, 'Công ty Đông Á (DAC)', { city: 'Huế', website: 'https://dac.vn' }), revision: 2 };

function organizationEditor() {
  let editor!: ReturnType<typeof make>;
  function make() {
    return recordEditor('organizations', {
      draftOf: (o) => ({ name_vi: o?.name_vi ?? '', city: o?.city ?? '', website: o?.website ?? '' }),
      fieldsOf: (d) => ({ ok: true, fields: { name_vi: d.name_vi, city: d.city || null, website: d.website || null } }),
    });
  }
  roots.push($effect.root(() => void (editor = make())));
  return editor;
}

describe('otherChanges', () => {
  it('lists the fields the other change set to something else than this form would save', () => {
    const mine = { name_vi: 'Đông Á Group', city: 'Đà Nẵng', website: null };
    expect(otherChanges(loaded, theirs, mine)).toEqual([
      // Changed on both sides: starts on this form's value.
      { field: 'name_vi', theirs: 'Công ty Đông Á (DAC)', mine: 'Đông Á Group', keep: 'mine' },
      // Changed only elsewhere: starts on the other change's value.
      { field: 'website', theirs: 'https://dac.vn', mine: null, keep: 'theirs' },
    ]);
    // Both sides made the same change: nothing to choose.
    expect(otherChanges(loaded, theirs, { name_vi: 'Công ty Đông Á (DAC)' })).toEqual([]);
  });
});

describe('RecordEditor after a change made elsewhere', () => {
  it('holds the other change, then saves the choices on the new revision', async () => {
    let refuse = true;
    const calls = fakeCore({
      get_record: () => loaded,
      update_record: (args) => {
        if (refuse) {
          refuse = false;
          throw changedElsewhere(theirs, ['name_vi']);
        }
        return { ...theirs, ...(args.patch as Partial<Organization>), revision: 3 };
      },
    });
    const editor = organizationEditor();
    await editor.load(3);
    editor.draft.name_vi = 'Đông Á Group';
    editor.draft.city = 'Đà Nẵng';

    expect(await editor.save()).toBeNull();
    expect(editor.changed?.fields.map((f) => [f.field, f.keep])).toEqual([
      ['name_vi', 'mine'],
      ['website', 'theirs'],
    ]);
    // Not an error of the draft: the form's alert stays empty.
    expect(editor.errors.current).toBeNull();
    expect(callsOf(calls, 'update_record')[0]).toMatchObject({ patch: { revision: 1 } });

    // The officer takes the other name: the city (changed only here) is still theirs to send.
    editor.keep('name_vi', 'theirs');
    expect(await editor.saveWithChoices()).toBe(3);
    expect(callsOf(calls, 'update_record')[1]).toEqual({ kind: 'organizations', id: 3, patch: { city: 'Đà Nẵng', revision: 2 } });
    expect(editor.changed).toBeNull();
    expect(editor.stored?.revision).toBe(3);
    expect(editor.draft).toEqual({ name_vi: 'Công ty Đông Á (DAC)', city: 'Đà Nẵng', website: 'https://dac.vn' });
    expect(editor.dirty).toBe(false);
  });

  it('keeps its own value where chosen, and another save is based on the revision just saved', async () => {
    let refuse = true;
    let revision = 2;
    const calls = fakeCore({
      get_record: () => loaded,
      update_record: (args) => {
        if (refuse) {
          refuse = false;
          throw changedElsewhere(theirs, ['name_vi']);
        }
        revision += 1;
        return { ...theirs, ...(args.patch as Partial<Organization>), revision };
      },
    });
    const editor = organizationEditor();
    await editor.load(3);
    editor.draft.name_vi = 'Đông Á Group';
    await editor.save();
    expect(await editor.saveWithChoices()).toBe(3);
    expect(callsOf(calls, 'update_record')[1]).toMatchObject({ patch: { name_vi: 'Đông Á Group', revision: 2 } });
    editor.draft.city = 'Vinh';
    expect(await editor.save()).toBe(3);
    expect(callsOf(calls, 'update_record')[2]).toEqual({ kind: 'organizations', id: 3, patch: { city: 'Vinh', revision: 3 } });
  });
});
