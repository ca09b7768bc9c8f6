// The one rule for turning a field's text into a link: only http(s) websites, mailto: for an
// e-mail address and tel: for a phone number. Anything else (javascript:, data:, file:, a
// scheme hidden behind spaces, control or invisible characters) is shown as plain text.

import type { LinkKind } from './bindings.gen';

export type { LinkKind };

// White space, controls and invisible formatting characters (zero-width, bidi overrides): a
// link never needs them, and they are how a scheme is hidden from a reader.
const HIDDEN = /[\s\p{Cc}\p{Cf}]/u;

/** The href for `value` in a field of `kind`, or null when it must stay plain text. */
export function linkHref(kind: LinkKind, value: string | null | undefined): string | null {
  // A phone number may be written in groups: its ordinary spaces are not hidden text.
  if (!value || HIDDEN.test(kind === 'phone' ? value.replace(/ /g, '') : value)) return null;
  switch (kind) {
    case 'website': {
      if (!/^https?:\/\//i.test(value)) return null;
      try {
        const url = new URL(value);
        return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
      } catch {
        return null;
      }
    }
    case 'email':
      // No `?`, `&` or `#`: nothing may add headers or a body to the message.
      return /^[^@?&#<>"':/\\]+@[^@?&#<>"':/\\]+\.[^@?&#<>"':/\\]+$/.test(value) ? `mailto:${value}` : null;
    case 'phone':
      return /^\+?[0-9().\-/]*[0-9][0-9().\-/]*$/.test(value.replace(/ /g, '')) ? `tel:${value.replace(/[^0-9+]/g, '')}` : null;
  }
}
