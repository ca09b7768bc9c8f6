// The errors of one form submission: field errors shown next to their fields, and whatever is
// left (non-field errors, fields the form does not show) at the top of the form.

import type { ErrorPayload, FieldError } from './bindings.gen';
import { toErrorPayload } from './api';

/** Does the error path `field` ("emails[1].value") belong to the form field `name` ("emails")? */
export function belongsTo(field: string, name: string): boolean {
  return field === name || field.startsWith(`${name}[`) || field.startsWith(`${name}.`);
}

export class FormErrors {
  payload = $state<ErrorPayload | null>(null);
  // Says whether an error no longer applies (its field changed since the refusal: a form's
  // RecordEditor knows); such errors are not shown, so no message outlives what it was about.
  readonly #stale: (error: FieldError) => boolean;

  constructor(stale: (error: FieldError) => boolean = () => false) {
    this.#stale = stale;
  }

  /** The field errors that still apply. */
  get fields(): FieldError[] {
    return this.payload?.fields.filter((e) => !this.#stale(e)) ?? [];
  }

  /** What is left to show: null once every field error of a refusal went stale. */
  get current(): ErrorPayload | null {
    const payload = this.payload;
    if (!payload || payload.fields.length === 0) return payload;
    const fields = this.fields;
    return fields.length === 0 ? null : { ...payload, fields };
  }

  /** Records what a failed save threw. */
  set(error: unknown): void {
    this.payload = toErrorPayload(error);
  }

  /** Records errors found before sending (e.g. an amount that is not a number). */
  setFields(fields: FieldError[]): void {
    this.payload = { code: 'invalid', message_vi: '', message_en: '', fields };
  }

  clear(): void {
    this.payload = null;
  }

  /** Errors of exactly this field path. */
  exact(field: string): FieldError[] {
    return this.fields.filter((e) => e.field === field);
  }

  /** Errors of this field and of its items (`sectors` takes `sectors[2]`). */
  of(name: string): FieldError[] {
    return this.fields.filter((e) => belongsTo(e.field, name));
  }

  /** Field errors that belong to none of the fields the form shows. */
  unclaimed(shown: readonly string[]): FieldError[] {
    return this.fields.filter((e) => !shown.some((n) => belongsTo(e.field, n)));
  }
}
