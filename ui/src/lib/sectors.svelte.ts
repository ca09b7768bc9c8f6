// The sectors records may hold, named in one place for every screen: the core's list
// (`list_sectors`: the app's own tags, named in `labels.gen.ts` as the briefs name them, then
// those added in Settings), read once and again after a sector is added. Until it has been read
// (or when it cannot be) the generated labels stand in, so a known tag is never shown raw.

import type { Sector } from './bindings.gen';
import { addSector as addSectorCommand, listSectors } from './api';
import { keysOf } from './enums';
import { locale } from './i18n/index.svelte';
import { SECTOR_ALIASES, SECTORS } from './labels.gen';

export type { SectorTag } from './labels.gen';

/** The tags the app itself names (generated from Rust). */
export const SECTOR_TAGS = keysOf(SECTORS);

const GENERATED: Sector[] = SECTOR_TAGS.map((tag) => ({
  tag,
  name: SECTORS[tag],
  added: false,
  from_free_text: false,
}));

const known = $state<{ list: Sector[] | null }>({ list: null });
let reading: Promise<void> | null = null;

/** Every sector, the app's own first: what pickers and filters offer. */
export function allSectors(): Sector[] {
  return known.list ?? GENERATED;
}

/** Reads the list once (later calls wait for the same read); a failed read is tried again next time. */
export function loadSectors(): Promise<void> {
  reading ??= listSectors().then(
    (list) => {
      known.list = list;
    },
    () => {
      reading = null;
    },
  );
  return reading;
}

/** Adds a sector and reads the list again, so every screen names it; rejects as the core refused. */
export async function addSector(nameVi: string, nameEn: string): Promise<Sector> {
  const sector = await addSectorCommand(nameVi, nameEn);
  reading = null;
  await loadSectors();
  return sector;
}

/** The display name of a sector tag in the interface language (an unknown tag with spaces for underscores, as the briefs print it). */
export function sectorLabel(tag: string): string {
  const listed = SECTOR_ALIASES[tag] ?? tag;
  const sector = allSectors().find((s) => s.tag === listed);
  return sector ? sector.name[locale.lang] : tag.replaceAll('_', ' ');
}

/** Display names of tags, joined with commas. */
export function sectorList(tags: readonly string[]): string {
  return tags.map(sectorLabel).join(', ');
}

/** Tests only: forgets the list read. */
export function forgetSectors(): void {
  known.list = null;
  reading = null;
}
