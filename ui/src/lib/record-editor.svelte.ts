// One form's editing of one record: loading it, the draft the inputs hold, whether it changed,
// saving it, and the errors that refused the save (the browser's own, such as an unreadable date,
// or the core's), each shown next to its field by FormErrors. Every form keeps its own model
// (draft ↔ fields); this holds the states that each form used to re-implement.
//
// Two rules hold for every form here, at the root: while the draft has unsaved changes the
// editor holds the way out (unsaved.svelte.ts: leaving the page asks first), and a refusal's
// error stops showing once its field is changed (it is about a value no longer there).

import type { EntityKind, EntityMap, ErrorPayload, FieldError } from './bindings.gen';
import { getRecord, toErrorPayload, type RecordOf } from './api';
import { invalidDateErrors } from './date-input';
import { invalidTimeErrors } from './time-input';
import { FormErrors } from './form-errors.svelte';
import { saveRecord } from './save-record';
import { holdLeaving } from './unsaved.svelte';

/** The fields a draft sends, or the errors that keep it from being sent. */
export type FieldsOrErrors<F> = { ok: true; fields: F } | { ok: false; errors: FieldError[] };

export interface EditorSpec<R, D extends Record<string, unknown>, F> {
  /** The draft of a stored record, or of a new one. */
  draftOf: (record?: R) => D;
  fieldsOf: (draft: D) => FieldsOrErrors<F>;
  /** Reads the stored record. */
  read: (id: number) => Promise<R>;
  /** Creates or updates the record; returns its id. */
  write: (stored: R | null, fields: F) => Promise<number>;
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
      const id = await this.#spec.write(this.stored, result.fields);
      this.#clean = JSON.stringify(this.draft);
      return id;
    } catch (e) {
      this.#refused = sent;
      this.errors.payload = this.#spec.errorOf ? this.#spec.errorOf(e) : toErrorPayload(e);
      return null;
    } finally {
      this.saving = false;
    }
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
    write: (stored, fields) => saveRecord(kind, stored, fields),
  });
}
