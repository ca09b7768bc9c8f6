// Typed wrappers around the app's commands (declared once in crates/core/src/commands/declared.rs;
// their signatures are generated into commands.gen.ts, so a renamed command or argument fails here). Every rejection is
// turned into an `ApiError` carrying the command's `ErrorPayload`, so screens handle one shape.

import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type {
  Audience,
  AuditEntry,
  ColumnMap,
  ExportFormat,
  ImportFormat,
  BriefRequest,
  DelegationStatus,
  EntityKind,
  EntityMap,
  ErrorPayload,
  Filter,
  ItemEntry,
  ItineraryItem,
  JsonValue,
  LinkKind,
  ListQuery,
  Page,
  PipelineFilter,
  PrintOptions,
  Settings,
  Stored,
} from './bindings.gen';
import type { Command, Commands } from './commands.gen';
import { noteFailure, noteReply } from './team-offline.svelte';

/** A stored record of kind `K`: metadata plus the entity's fields. */
export type RecordOf<K extends EntityKind> = Stored<EntityMap[K]>;

/** A failed command, with the payload the Rust side sent (or one made from an unexpected error). */
export class ApiError extends Error {
  readonly payload: ErrorPayload;
  constructor(payload: ErrorPayload) {
    super(payload.message_en);
    this.name = 'ApiError';
    this.payload = payload;
  }
}

function isErrorPayload(value: unknown): value is ErrorPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message_vi === 'string' && Array.isArray(v.fields);
}

/** The `ErrorPayload` of anything a command (or our own code) threw. */
export function toErrorPayload(error: unknown): ErrorPayload {
  if (error instanceof ApiError) return error.payload;
  if (isErrorPayload(error)) return error;
  const text = error instanceof Error ? error.message : String(error);
  return { code: 'unexpected', message_vi: text, message_en: text, fields: [] };
}

type ArgsOf<C extends Command> = Commands[C]['args'];

/**
 * Calls `command` with its declared arguments; resolves with its declared reply. Exported for
 * the wrappers of one group kept in their own file (`exchange-api.ts`), never for screens.
 */
export async function call<C extends Command>(command: C, args?: ArgsOf<C>): Promise<Commands[C]['reply']> {
  let reply: Commands[C]['reply'];
  try {
    reply = await invoke<Commands[C]['reply']>(command, args);
  } catch (error) {
    const payload = toErrorPayload(error);
    noteFailure(payload.code);
    throw new ApiError(payload);
  }
  noteReply();
  return reply;
}

/** A command whose reply is a record as JSON (`JsonValue` in Rust), read as the record type `T`. */
async function callRecord<T, C extends Command>(command: C, args: ArgsOf<C>): Promise<T> {
  return (await call(command, args)) as unknown as T;
}

/** A full `ListQuery` from the parts given (no filters, sorted by id, everything, by default). */
export function listQuery(query: Partial<ListQuery> = {}): ListQuery {
  return {
    filters: query.filters ?? [],
    sort: query.sort ?? null,
    sort_else: query.sort_else ?? null,
    descending: query.descending ?? false,
    limit: query.limit ?? null,
    offset: query.offset ?? 0,
  };
}

/** Filters from a field → value map, leaving out empty values. */
export function filtersOf(values: Record<string, string | number | null | undefined>): Filter[] {
  return Object.entries(values)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([field, v]) => ({ field, value: String(v) }));
}

export const appInfo = () => call('app_info');
export const getSettings = () => call('get_settings');
export const saveSettings = (settings: Settings) => call('save_settings', { settings });
export const dashboard = () => call('dashboard');
/** Count, USD capital and jobs of every lead matching `filter` (null: any), by stage and sector. */
export const pipelineTotals = (filter: PipelineFilter) => call('pipeline_totals', { filter });

/**
 * Organisations, people, leads, delegations, itinerary items, interactions and opportunities
 * matching every word typed (accents ignored, word prefixes), best first, at most `perKind`
 * per kind, each group with its total.
 */
export const search = (query: string, perKind = 5) => call('search', { query, perKind });
/** Every sector a record may hold: the app's own, then those added in Settings. */
export const listSectors = () => call('list_sectors');
/** Adds a sector with its names (refused with field errors on `name_vi`/`name_en`). */
export const addSector = (nameVi: string, nameEn: string) => call('add_sector', { nameVi, nameEn });
/** Opens a website, e-mail address or phone number with the system's handler (the core checks it). */
export const openLink = (kind: LinkKind, value: string) => call('open_link', { kind, value });

export function listRecords<K extends EntityKind>(
  kind: K,
  query: Partial<ListQuery> = {},
): Promise<Page<RecordOf<K>>> {
  return callRecord('list_records', { kind, query: listQuery(query) });
}

export function getRecord<K extends EntityKind>(kind: K, id: number): Promise<RecordOf<K>> {
  return callRecord('get_record', { kind, id });
}

/** Creates a record; fields left out take the entity's defaults. */
export function createRecord<K extends EntityKind>(
  kind: K,
  data: Partial<EntityMap[K]>,
): Promise<RecordOf<K>> {
  return callRecord('create_record', { kind, data: data as JsonValue });
}

/**
 * Changes only the fields given in `patch`. With `revision` (the one the form loaded), the core
 * refuses with `changed_elsewhere` if the record has changed since.
 */
export function updateRecord<K extends EntityKind>(
  kind: K,
  id: number,
  patch: Partial<EntityMap[K]>,
  revision?: number,
): Promise<RecordOf<K>> {
  const based = revision === undefined ? patch : { ...patch, revision };
  return callRecord('update_record', { kind, id, patch: based as JsonValue });
}

/** Deletes a record; with `revision`, only if it has not changed since (else `changed_elsewhere`). */
export function deleteRecord(kind: EntityKind, id: number, revision?: number): Promise<null> {
  return call('delete_record', revision === undefined ? { kind, id } : { kind, id, revision });
}

export function recordAudit(kind: EntityKind, id: number): Promise<AuditEntry[]> {
  return call('record_audit', { kind, id });
}

/**
 * The delegations, meetings and briefs linked to an organisation or a person, newest first
 * (at most 200 of each, with their totals).
 */
export const linkedRecords = (kind: 'organizations' | 'contacts', id: number) =>
  call('linked_records', { kind, id });

/** Every open opportunity, best match for the audience first (`suggested` marks the default pick). */
export const briefSuggestions = (audience: Audience) =>
  call('brief_suggestions', { audience });

/** The brief as it would be generated now (nothing is written or recorded). */
export const briefPreview = (request: BriefRequest) => call('brief_preview', { request });

/** Writes the brief as a PDF at `path` (from the save dialog), or into the briefs folder when null. */
export const briefGenerate = (request: BriefRequest, path: string | null) =>
  call('brief_generate', { request, path });

/** Opens a generated brief's file in the system's PDF viewer. */
export const briefOpen = (briefId: number) => call('brief_open', { briefId });

export async function choosePath(defaultPath: string, name: string, extension: string): Promise<string | null> {
  try {
    return await save({ defaultPath, filters: [{ name, extensions: [extension] }] });
  } catch (error) {
    throw new ApiError(toErrorPayload(error));
  }
}

/** Asks where to save a PDF (the native dialog); null when the user cancels. */
export const choosePdfPath = (defaultPath: string) => choosePath(defaultPath, 'PDF', 'pdf');

/** Asks where to save a calendar file (the native dialog); null when the user cancels. */
export const chooseIcsPath = (defaultPath: string) => choosePath(defaultPath, 'iCalendar', 'ics');

/** The pictures of an opportunity, in their order. */
export const opportunityImages = (opportunityId: number) =>
  call('opportunity_images', { opportunityId });

/** One picture as a `data:image/…;base64,…` URL (the only image source the CSP allows). */
export const opportunityImageData = (imageId: number) => call('opportunity_image_data', { imageId });

/** Adds the picture at `path` (from the open dialog); the core checks it (PNG/JPEG, ≤ 20 MB) and resizes it. */
export const addOpportunityImage = (opportunityId: number, path: string, caption: string | null) =>
  call('add_opportunity_image', { opportunityId, path, caption });

export const removeOpportunityImage = (imageId: number) => call('remove_opportunity_image', { imageId });

/** Asks for a PNG or JPEG picture (the native open dialog); null when the user cancels. */
export async function chooseImagePath(): Promise<string | null> {
  try {
    return await open({
      multiple: false,
      filters: [{ name: 'Ảnh / Pictures', extensions: ['png', 'jpg', 'jpeg'] }],
    });
  } catch (error) {
    throw new ApiError(toErrorPayload(error));
  }
}

// ── Delegations: itinerary, workflow, documents ────────────────────────────────────────────

/** A stored itinerary item (as the item commands return it). */
export type StoredItem = Stored<ItineraryItem>;

/** The programme by local day, with its conflicts, members and member warnings. */
export const itineraryView = (delegationId: number) => call('itinerary_view', { delegationId });

/** One item in local dates and times, for its edit form. */
export const itineraryEntry = (itemId: number) => call('itinerary_entry', { itemId });

/** Creates (itemId null) or replaces an item typed in the local time of its place. */
export const saveItineraryItem = (itemId: number | null, entry: ItemEntry): Promise<StoredItem> =>
  callRecord('save_itinerary_item', { itemId, entry });

/**
 * Adds an item from one line, "09:30-11:00 Title @ Venue", on `date` in `timeZone`; the answer
 * says what a clock change did to the times typed, if one did.
 */
export const quickAddItem = (delegationId: number, line: string, date: string, timeZone: string) =>
  call('quick_add_item', {
    request: { delegation_id: delegationId, line, date, time_zone: timeZone },
  });

/** Copies an item to the same local time on `toDate` (the same day when null). */
export const duplicateItineraryItem = (itemId: number, toDate: string | null): Promise<StoredItem> =>
  callRecord('duplicate_itinerary_item', { itemId, toDate });

/** Moves an item to `toDate`, keeping its local start time and duration. */
export const moveItineraryItem = (itemId: number, toDate: string): Promise<StoredItem> =>
  callRecord('move_itinerary_item', { itemId, toDate });

/** The statuses the delegation may move to now, each with the reasons it would be refused. */
export const delegationNextSteps = (delegationId: number) =>
  call('delegation_next_steps', { delegationId });

/** Moves the delegation to `to` (approving needs `by`, the approver); returns the delegation. */
export const delegationTransition = (delegationId: number, to: DelegationStatus, by: string | null = null): Promise<RecordOf<'delegations'>> =>
  callRecord('delegation_transition', { delegationId, transition: { to, by } });

/** The delegations and meetings a counsellor arranges. */
export const counsellorLoad = (counsellorId: number) => call('counsellor_load', { counsellorId });

/** Writes the itinerary (of one member, or everyone's) as an .ics calendar at `path`, or into the calendars folder. */
export const exportItineraryIcs = (delegationId: number, memberId: number | null, path: string | null) =>
  call('export_itinerary_ics', { delegationId, memberId, path });

/** Prints the itinerary as a PDF at `path`, or into the itineraries folder. */
export const printItinerary = (delegationId: number, options: PrintOptions, path: string | null) =>
  call('print_itinerary', { delegationId, options, path });

/** Opens an itinerary PDF printed in this session in the system's viewer. */
export const openItineraryPdf = (path: string) => call('open_itinerary_pdf', { path });

// ── Contact book: import, export, duplicates, personal data ────────────────────────────────

/**
 * What importing the file at `path` would do (nothing is written): the format (detected when
 * null), its columns and the mapping used (guessed when null), counts, duplicates, rejected
 * rows with their lines, and the first rows as they would be stored.
 */
export const importPreview = (path: string, format: ImportFormat | null, mapping: ColumnMap[] | null) =>
  call('import_preview', { path, format, mapping });

/**
 * Imports the file in one transaction (`import_id` set), or with `dryRun` only checks it. With
 * the preview's `sha256` the core refuses (`file_changed` on `file`) a file changed since.
 */
export const importContacts = (
  path: string,
  format: ImportFormat | null,
  mapping: ColumnMap[] | null,
  dryRun: boolean,
  expectedSha256: string | null = null,
) => call('import_contacts', {
    request: { path, format, mapping, dry_run: dryRun, expected_sha256: expectedSha256 },
  });

/** Removes what an import created (refused with `changed_since` / `already_undone` on `import_id`). */
export const undoImport = (importId: number) => call('undo_import', { importId });

/** Every import, newest first (`undone_at` set once undone). */
export const listImports = () => call('list_imports');

/** Writes the whole contact book at `path` (from the save dialog) as CSV or vCard. */
export const exportContacts = (format: ExportFormat, path: string) =>
  call('export_contacts', { format, path });

/** Pairs of people who look like one person (same email, same phone, similar name at one organisation). */
export const findDuplicates = () => call('find_duplicates');

/** Merges `otherId` into `keepId` (everything kept, the other deleted, audited); returns the kept person. */
export const mergeContacts = (keepId: number, otherId: number): Promise<RecordOf<'contacts'>> =>
  callRecord('merge_contacts', { keepId, otherId });

/** Writes everything held about a person at `path` (from the save dialog): JSON or PDF by its extension. */
export const personExport = (contactId: number, path: string) =>
  call('person_export', { contactId, path });

/** Erases a person: unlinks them everywhere, scrubs the history; lists interactions still naming them. */
export const personErase = (contactId: number) => call('person_erase', { contactId });

/** Asks for a contact file to import (the native open dialog); null when the user cancels. */
export async function chooseImportPath(): Promise<string | null> {
  try {
    return await open({
      multiple: false,
      filters: [{ name: 'Danh bạ / Contacts', extensions: ['csv', 'tsv', 'txt', 'vcf'] }],
    });
  } catch (error) {
    throw new ApiError(toErrorPayload(error));
  }
}

/** Asks where to save the contact book (CSV or vCard); null when the user cancels. */
export const chooseContactsExportPath = (defaultPath: string, format: ExportFormat) =>
  format === 'csv' ? choosePath(defaultPath, 'CSV', 'csv') : choosePath(defaultPath, 'vCard', 'vcf');

/** Asks where to save a person's data (JSON or PDF); null when the user cancels. */
export const choosePersonExportPath = (defaultPath: string, kind: 'json' | 'pdf') =>
  kind === 'json' ? choosePath(defaultPath, 'JSON', 'json') : choosePath(defaultPath, 'PDF', 'pdf');
