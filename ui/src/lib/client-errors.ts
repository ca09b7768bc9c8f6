// Field errors found in the browser before anything is sent, in the same bilingual shape the
// core uses, so the form shows them exactly like the core's.

import type { FieldError } from './bindings.gen';
import { message, type MessageKey } from './i18n/index.svelte';

export function clientError(
  field: string,
  code: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
): FieldError {
  return {
    field,
    code,
    message_vi: message('vi', key, params),
    message_en: message('en', key, params),
  };
}
