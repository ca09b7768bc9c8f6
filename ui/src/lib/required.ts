// Which fields of a kind the core requires (generated from each kind's `validate`: the fields an
// empty record is refused on), so every form marks the same fields the core refuses without.

import type { EntityKind } from './bindings.gen';
import { REQUIRED_FIELDS } from './labels.gen';

/** Is `field` required on a record of `kind`? */
export function requiredIn(kind: EntityKind): (field: string) => boolean {
  const fields: readonly string[] = REQUIRED_FIELDS[kind];
  return (field) => fields.includes(field);
}
