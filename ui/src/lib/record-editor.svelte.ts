// One form's editing of one record: loading it, the draft the inputs hold, whether it changed,
// saving it, and the errors that refused the save (the browser's own, such as an unreadable date,
// or the core's), each shown next to its field by FormErrors. Every form keeps its own model
// (draft ↔ fields); this holds the states that each form used to re-implement.
//
// Two rules hold for every form here, at the root: while the draft has unsaved changes the
// editor holds the way out (unsaved.svelte.ts: leaving the page asks first), and a refusal's
// error stops showing once its field is changed (it is about a value no longer there).
//
// A third: a save is based on the revision the form loaded, so an edit made meanwhile elsewhere
// (another window, the `planner` CLI) is never overwritten unseen. The core refuses it with
// `changed_elsewhere` and the record as it is now; the editor then holds the fields where the
// other change and this draft differ (`changed`), the officer keeps theirs or takes the other
// for each (ChangedElsewhere.svelte), and `saveWithChoices` saves again on the new revision.

import type { EntityKind, EntityMap, ErrorPayload, FieldError } from './bindings.gen';
import { getRecord, toErrorPayload, type RecordOf } from './api';
import { invalidDateErrors } from './date-input';
import { invalidTimeErrors } from './time-input';
import { FormErrors } from './form-errors.svelte';
import { saveRecord } from './save-record';
import { holdLeaving } from './unsaved.svelte';

/** A field where the record, changed elsewhere, and this form's draft differ. */
export interface ChangedField {
  field: string;
  /** The value stored now (the other change). */
  theirs: unknown;
  /** The value this form would save. */
  mine: unknown;
  /** Which one the next save keeps. */
  keep: 'mine' | 'theirs';
}

/** The other change a save met: the record as it is now, and the fields to choose between. */
export interface ChangedElsewhereState<R> {
  current: R;
  fields: ChangedField[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The fields to choose between when `base` (the record the form loaded) became `current`
 * elsewhere while the form made `mine` of it: each field the other change set to something else
 * than this form would save. A field this form changed too starts on its own value; one it left
 * alone starts on the other change's value (what it would get had it loaded the record now).
 */
export function otherChanges<R extends object>(base: R, current: R, mine: object): ChangedField[] {
  const out: ChangedField[] = [];
  for (const [field, value] of Object.entries(mine)) {
    const theirs = (current as Record<string, unknown>)[field];
    const before = (base as Record<string, unknown>)[field];
    if (same(theirs, before) || same(theirs, value)) continue;
    out.push({ field, theirs, mine: value, keep: same(value, before) ? 'theirs' : 'mine' });
  }
  return out;
}

/** What a write returns: the id, or (for records read as they are stored) the stored record. */
export type Written<R> = number | { id: number; record: R };

/** The fields a draft sends, or the errors that keep it from being sent. */
export type FieldsOrErrors<F> = { ok: true; fields: F } | { ok: false; errors: FieldError[] };

export interface EditorSpec<R, D extends Record<string, unknown>, F> {
  /** The draft of a stored record, or of a new one. */
  draftOf: (record?: R) => D;
  fieldsOf: (draft: D) => FieldsOrErrors<F>;
  /** Reads the stored record. */
  read: (id: number) => Promise<R>;
  /**
   * Creates or updates the record; returns its id, or the record as stored (then the next save
   * is based on its new revision).
   */
  write: (stored: R | null, fields: F) => Promise<Written<R>>;
  /** The draft's date inputs: text no date can be read from refuses the save. */
  dateFields?: readonly (keyof D & string)[];
  /** The draft's time inputs: text no time can be read from refuses the save. */
  timeFields?: readonly (keyof D & string)[];
  /** Tidies the draft before it is read (blank rows dropped, so error row numbers match). */
  tidy?: (draft: D) => D;
  /** The core's refusal as the form shows it (record field names mapped to the inputs'). */
  errorOf?: (error: unknown) => ErrorPayload;
}

export class RecordEditor<R, D extends Record<string, unknown>, F> {
  draft: D = $state() as D;
  stored = $state<R | null>(null);
  loading = $state(false);
  loadError = $state<ErrorPayload | null>(null);
  saving = $state(false);
  /** The other change the last save met (`changed_elsewhere`), until saved again. */
  changed = $state<ChangedElsewhereState<R> | null>(null);
  readonly errors = new FormErrors((error) => this.#outdated(error));
  // The draft as last loaded or saved: the draft differs from it when the form has changes.
  #clean = $state('');
  // Each draft field as it was when a save was refused, to tell which errors still apply.
  #refused = $state<Record<string, string> | null>(null);
  readonly #spec: EditorSpec<R, D, F>;

  /** Made while a form is set up (or in an effect root): the editor lives as long as its form. */
  constructor(spec: EditorSpec<R, D, F>) {
    this.#spec = spec;
    this.draft = spec.draftOf();
    this.#clean = JSON.stringify(this.draft);
    $effect(() => {
      if (this.dirty) return holdLeaving(this);
    });
  }

  /** Has the form changes that are not saved? */
  get dirty(): boolean {
    return JSON.stringify(this.draft) !== this.#clean;
  }

  /** Starts from `draft` with nothing changed (a new record's defaults chosen by the screen). */
  start(draft: D): void {
    this.draft = draft;
    this.#clean = JSON.stringify(draft);
  }

  /** Reads the stored record `id` into the draft; a new record (`id` undefined) reads nothing. */
  async load(id: number | undefined): Promise<void> {
    if (id === undefined) return;
    this.loading = true;
    try {
      const record = await this.#spec.read(id);
      this.stored = record;
      this.start(this.#spec.draftOf(record));
    } catch (e) {
      this.loadError = toErrorPayload(e);
    } finally {
      this.loading = false;
    }
  }

  /** Saves the draft; the record's id, or null when the browser or the core refused it. */
  async save(): Promise<number | null> {
    this.errors.clear();
    this.#refused = null;
    if (this.#spec.tidy) this.draft = this.#spec.tidy(this.draft);
    const unreadable = [
      ...invalidDateErrors(this.draft, this.#spec.dateFields ?? []),
      ...invalidTimeErrors(this.draft, this.#spec.timeFields ?? []),
    ];
    if (unreadable.length > 0) {
      this.#refuse();
      this.errors.setFields(unreadable);
      return null;
    }
    const result = this.#spec.fieldsOf(this.draft);
    if (!result.ok) {
      this.#refuse();
      this.errors.setFields(result.errors);
      return null;
    }
    this.saving = true;
    const sent = this.#snapshot();
    try {
      const written = await this.#spec.write(this.stored, result.fields);
      this.#clean = JSON.stringify(this.draft);
      this.changed = null;
      if (typeof written === 'number') return written;
      this.stored = written.record;
      return written.id;
    } catch (e) {
      const payload = toErrorPayload(e);
      if (payload.code === 'changed_elsewhere' && payload.changed && this.stored) {
        // Shown by ChangedElsewhere.svelte rather than as an error: nothing is wrong with the
        // draft, it only has to be set beside the other change.
        const current = payload.changed.current as R;
        this.changed = { current, fields: otherChanges(this.stored as object, current as object, result.fields as object) };
        return null;
      }
      this.#refused = sent;
      this.errors.payload = this.#spec.errorOf ? this.#spec.errorOf(e) : payload;
      return null;
    } finally {
      this.saving = false;
    }
  }

  /** Chooses which value of a changed field the next save keeps. */
  keep(field: string, side: 'mine' | 'theirs'): void {
    const row = this.changed?.fields.find((f) => f.field === field);
    if (row) row.keep = side;
  }

  /**
   * Saves again, based on the record as it is now: the fields this form changed that the other
   * change did not touch keep this form's values, each changed field the chosen one, and every
   * other field the record's value now.
   */
  async saveWithChoices(): Promise<number | null> {
    const changed = this.changed;
    const result = changed && this.#spec.fieldsOf(this.draft);
    if (!changed || !this.stored || !result?.ok) return this.save();
    const base = this.stored as Record<string, unknown>;
    const merged: Record<string, unknown> = { ...(changed.current as Record<string, unknown>) };
    for (const [field, value] of Object.entries(result.fields as object)) {
      const row = changed.fields.find((f) => f.field === field);
      if (row) merged[field] = row.keep === 'mine' ? row.mine : row.theirs;
      else if (!same(value, base[field])) merged[field] = value;
    }
    this.stored = changed.current;
    this.draft = this.#spec.draftOf(merged as R);
    return this.save();
  }

  #snapshot(): Record<string, string> {
    return Object.fromEntries(Object.entries(this.draft).map(([k, v]) => [k, JSON.stringify(v)]));
  }

  #refuse(): void {
    this.#refused = this.#snapshot();
  }

  // An error is about its field's value ("sectors[2]" about the draft's `sectors`): changed, the
  // error no longer applies. An end before the start is about every start and end field (fixing
  // either date fixes it); an error about no field of the draft (a record field the form
  // computes, such as `budget_minor`) goes when any field changes, since any may have fixed it.
  #outdated(error: FieldError): boolean {
    const refused = this.#refused;
    if (!refused) return false;
    const changed = (key: string) => JSON.stringify(this.draft[key]) !== refused[key];
    const key = error.field.split(/[.[]/)[0];
    if (error.code === 'end_before_start')
      return Object.keys(refused).some((k) => (k === key || /^(start|end)_/.test(k)) && changed(k));
    if (key in refused) return changed(key);
    return Object.keys(refused).some(changed);
  }
}

/** The editor of a record kind the core stores as it is (read with get_record, saved by saveRecord). */
export function recordEditor<K extends EntityKind, D extends Record<string, unknown>>(
  kind: K,
  spec: Omit<EditorSpec<RecordOf<K>, D, Partial<EntityMap[K]>>, 'read' | 'write'>,
): RecordEditor<RecordOf<K>, D, Partial<EntityMap[K]>> {
  return new RecordEditor({
    ...spec,
    read: (id) => getRecord(kind, id),
    write: async (stored, fields) => {
      const record = await saveRecord(kind, stored, fields);
      return { id: record.id, record };
    },
  });
}
