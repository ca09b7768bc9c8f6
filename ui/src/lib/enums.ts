// The values of each generated enum type, in display order, read from the label maps that Rust
// generates (`labels.gen.ts`): a `Record<Enum, Bilingual>` there makes the compiler reject a value
// missing from, or not in, the Rust enum.

import type { Bilingual } from './bindings.gen';
import {
  AUDIENCE_KIND,
  BILINGUAL_LAYOUT,
  BRIEF_LANGUAGE,
  BRIEF_SECTION,
  CONSENT_BASIS,
  DELEGATION_KIND,
  DELEGATION_STATUS,
  ENTITY_KIND,
  IMPORT_FORMAT,
  IMPORT_TARGET,
  INTERACTION_KIND,
  ITINERARY_KIND,
  LEAD_STAGE,
  MEMBER_ROLE,
  OPPORTUNITY_KIND,
  OPPORTUNITY_STATUS,
  ORGANIZATION_KIND,
  ORGANIZATION_SIZE,
  PAPER,
  VISA_STATUS,
} from './labels.gen';

/** The keys of a label map, in its (display) order. */
export function keysOf<K extends string>(labels: Readonly<Record<K, Bilingual>>): K[] {
  return Object.keys(labels) as K[];
}

export const ENTITY_KINDS = keysOf(ENTITY_KIND);
export const DELEGATION_KINDS = keysOf(DELEGATION_KIND);
export const DELEGATION_STATUSES = keysOf(DELEGATION_STATUS);
export const MEMBER_ROLES = keysOf(MEMBER_ROLE);
export const VISA_STATUSES = keysOf(VISA_STATUS);
export const ITINERARY_KINDS = keysOf(ITINERARY_KIND);
export const ORGANIZATION_KINDS = keysOf(ORGANIZATION_KIND);
export const ORGANIZATION_SIZES = keysOf(ORGANIZATION_SIZE);
export const CONSENT_BASES = keysOf(CONSENT_BASIS);
export const LEAD_STAGES = keysOf(LEAD_STAGE);
export const INTERACTION_KINDS = keysOf(INTERACTION_KIND);
export const OPPORTUNITY_KINDS = keysOf(OPPORTUNITY_KIND);
export const OPPORTUNITY_STATUSES = keysOf(OPPORTUNITY_STATUS);
export const BRIEF_LANGUAGES = keysOf(BRIEF_LANGUAGE);
export const AUDIENCE_KINDS = keysOf(AUDIENCE_KIND);
export const BILINGUAL_LAYOUTS = keysOf(BILINGUAL_LAYOUT);
export const PAPERS = keysOf(PAPER);

/** Every part of a brief, in the order a brief prints them. */
export const BRIEF_SECTIONS = keysOf(BRIEF_SECTION);

/** The kinds of contact file the import reads. */
export const IMPORT_FORMATS = keysOf(IMPORT_FORMAT);

/** Where a column of an imported file may go, in the order the mapping menu lists them. */
export const IMPORT_TARGETS = keysOf(IMPORT_TARGET);

/** Is `value` one of `values`? Narrows a plain string (e.g. from the dashboard) to the enum. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
