// The pure parts of the contact import and duplicate screens: editing a column mapping, and the
// core's row errors, skipped duplicates and match reasons in words.

import type { ColumnMap, ImportFormat, MatchReason, RowError, SkippedDuplicate, Target } from '../lib/bindings.gen';
import { IMPORT_FORMATS, IMPORT_TARGETS, isOneOf } from '../lib/enums';
import { label, pick, t, type MessageKey } from '../lib/i18n/index.svelte';
import { IMPORT_FORMAT, IMPORT_TARGET } from '../lib/labels.gen';
import { PERSON_FIELDS } from './person-form';

/** What the import screen asks the core: the file, the format and the mapping (null: guessed). */
export type ImportRequest = { path: string; format: ImportFormat | null; mapping: ColumnMap[] | null };

/** Targets whose values take a label ("work", "mobile") given in the mapping. */
export function takesLabel(target: Target): boolean {
  return target === 'email' || target === 'phone';
}

/** The mapping with column `index` sent to `target` (its label kept only where it still applies). */
export function withTarget(mapping: ColumnMap[], index: number, target: Target): ColumnMap[] {
  return mapping.map((m, i) =>
    i === index ? { column: m.column, target, label: takesLabel(target) ? m.label : null } : { ...m },
  );
}

/** The mapping with the label of column `index` changed (blank → none). */
export function withLabel(mapping: ColumnMap[], index: number, label: string): ColumnMap[] {
  const text = label.trim();
  return mapping.map((m, i) => (i === index ? { ...m, label: text === '' ? null : text } : { ...m }));
}

/**
 * The name of the field a row error is about: a contact field ("emails[1].value" → "Email"), a
 * mapping target ("organization", "uuid"), or else the core's own name (a column header).
 */
export function fieldLabel(field: string): string {
  const base = field.replace(/\[\d+\].*$/, '').replace(/\..*$/, '');
  // One row's email or phone: named in the singular.
  if (base === 'emails') return targetLabel('email');
  if (base === 'phones') return targetLabel('phone');
  if (isOneOf(PERSON_FIELDS, base)) return t(`contact.${base}`);
  if (isOneOf(IMPORT_TARGETS, base)) return targetLabel(base);
  return field;
}

/** "Dòng 4 · Email: Email không hợp lệ" / "Line 4 · Email: Not a valid email address". */
export function rowErrorText(e: RowError): string {
  const where = t('import.line', { line: e.line });
  const what = pick(e.message_vi, e.message_en);
  return e.field ? `${where} · ${fieldLabel(e.field)}: ${what}` : `${where} · ${what}`;
}

export function targetLabel(target: Target): string {
  return label(IMPORT_TARGET, target);
}

/** A format as the core names it in the history ("csv", "google", …), in words. */
export function formatLabel(format: string): string {
  return isOneOf(IMPORT_FORMATS, format) ? label(IMPORT_FORMAT, format) : format;
}

/** Why a row was skipped: "same email tanaka@hanshin.co.jp". */
export function skippedReason(d: SkippedDuplicate): string {
  const key: MessageKey | null =
    d.reason === 'uuid' ? 'import.sameUuid' : d.reason === 'email' ? 'import.sameEmail' : d.reason === 'phone' ? 'import.samePhone' : null;
  return key ? t(key, { value: d.value }) : `${d.reason}: ${d.value}`;
}

/** Why two people look like one: "Cùng email a@b.vn", "Tên gần giống «…» tại cùng tổ chức". */
export function matchReasonText(reason: MatchReason): string {
  switch (reason.kind) {
    case 'same_email':
      return t('duplicates.sameEmail', { value: reason.value });
    case 'same_phone':
      return t('duplicates.samePhone', { value: reason.value });
    case 'similar_name':
      return t('duplicates.similarName', { value: reason.value });
  }
}

/** A person's name as typed to confirm an erase: Unicode-normalised, spaces collapsed, any case. */
export function nameKey(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
}
