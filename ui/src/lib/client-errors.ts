// Field errors found in the browser before anything is sent, in the same bilingual shape the
// core uses, so the form shows them exactly like the core's.

import type { FieldError } from './bindings.gen';
import { en } from './i18n/en';
import { vi, type MessageKey } from './i18n/vi';

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

export function clientError(
  field: string,
  code: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): FieldError {
  return { field, code, message_vi: fill(vi[key], params), message_en: fill(en[key], params) };
}
