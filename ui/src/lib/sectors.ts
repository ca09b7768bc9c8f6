// The sector tags records and briefs share, named from `labels.gen.ts` (generated from Rust, so
// the screens use the same names as the briefs). Records may hold other tags too, typed by a user.

import { isOneOf, keysOf } from './enums';
import { label } from './i18n/index.svelte';
import { SECTOR_ALIASES, SECTORS } from './labels.gen';

export type { SectorTag } from './labels.gen';

export const SECTOR_TAGS = keysOf(SECTORS);

/** The display name of a sector tag in the interface language (an unknown tag with spaces for underscores, as the briefs print it). */
export function sectorLabel(tag: string): string {
  const known = SECTOR_ALIASES[tag] ?? tag;
  return isOneOf(SECTOR_TAGS, known) ? label(SECTORS, known) : tag.replaceAll('_', ' ');
}

/** Display names of tags, joined with commas. */
export function sectorList(tags: readonly string[]): string {
  return tags.map(sectorLabel).join(', ');
}
