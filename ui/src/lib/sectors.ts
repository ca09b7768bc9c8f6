// The sector tags records and briefs share (the same tags the brief composer names in its
// phrases). Records may hold other tags too; those are shown as they are.

import { isOneOf } from './enums';
import { t } from './i18n/index.svelte';

export const SECTOR_TAGS = [
  'semiconductors',
  'electronics',
  'software',
  'automation',
  'new_materials',
  'biotech',
  'logistics',
  'e_commerce',
  'agrifood',
  'retail',
  'education',
  'rd',
  'renewable_energy',
  'automotive',
  'precision_mechanics',
  'textiles',
  'pharma',
  'data_centres',
] as const;

export type SectorTag = (typeof SECTOR_TAGS)[number];

/** The display name of a sector tag in the interface language (an unknown tag as it is). */
export function sectorLabel(tag: string): string {
  return isOneOf(SECTOR_TAGS, tag) ? t(`sector.${tag}`) : tag;
}

/** Display names of tags, joined with commas. */
export function sectorList(tags: readonly string[]): string {
  return tags.map(sectorLabel).join(', ');
}
