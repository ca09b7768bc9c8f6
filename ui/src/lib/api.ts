// Typed wrappers around the Tauri commands of src-tauri/src/commands.rs. Every rejection is
// turned into an `ApiError` carrying the command's `ErrorPayload`, so screens handle one shape.

import { invoke } from '@tauri-apps/api/core';
import { open, save } from '@tauri-apps/plugin-dialog';
import type {
  AppInfo,
  Audience,
  AuditEntry,
  BriefModel,
  BriefRequest,
  Dashboard,
  EntityKind,
  EntityMap,
  ErrorPayload,
  Filter,
  GeneratedBrief,
  ListQuery,
  OpportunityImage,
  OpportunitySuggestion,
  Page,
  Settings,
  Stored,
} from './bindings.gen';

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

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw new ApiError(toErrorPayload(error));
  }
}

/** A full `ListQuery` from the parts given (no filters, sorted by id, everything, by default). */
export function listQuery(query: Partial<ListQuery> = {}): ListQuery {
  return {
    filters: query.filters ?? [],
    sort: query.sort ?? null,
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

export const appInfo = () => call<AppInfo>('app_info');
export const getSettings = () => call<Settings>('get_settings');
export const saveSettings = (settings: Settings) => call<null>('save_settings', { settings });
export const dashboard = () => call<Dashboard>('dashboard');

export function listRecords<K extends EntityKind>(
  kind: K,
  query: Partial<ListQuery> = {},
): Promise<Page<RecordOf<K>>> {
  return call('list_records', { kind, query: listQuery(query) });
}

export function getRecord<K extends EntityKind>(kind: K, id: number): Promise<RecordOf<K>> {
  return call('get_record', { kind, id });
}

/** Creates a record; fields left out take the entity's defaults. */
export function createRecord<K extends EntityKind>(
  kind: K,
  data: Partial<EntityMap[K]>,
): Promise<RecordOf<K>> {
  return call('create_record', { kind, data });
}

/** Changes only the fields given in `patch`. */
export function updateRecord<K extends EntityKind>(
  kind: K,
  id: number,
  patch: Partial<EntityMap[K]>,
): Promise<RecordOf<K>> {
  return call('update_record', { kind, id, patch });
}

export function deleteRecord(kind: EntityKind, id: number): Promise<null> {
  return call('delete_record', { kind, id });
}

export function recordAudit(kind: EntityKind, id: number): Promise<AuditEntry[]> {
  return call('record_audit', { kind, id });
}

/** Every open opportunity, best match for the audience first (`suggested` marks the default pick). */
export const briefSuggestions = (audience: Audience) =>
  call<OpportunitySuggestion[]>('brief_suggestions', { audience });

/** The brief as it would be generated now (nothing is written or recorded). */
export const briefPreview = (request: BriefRequest) => call<BriefModel>('brief_preview', { request });

/** Writes the brief as a PDF at `path` (from the save dialog), or into the briefs folder when null. */
export const briefGenerate = (request: BriefRequest, path: string | null) =>
  call<GeneratedBrief>('brief_generate', { request, path });

/** Opens a generated brief's file in the system's PDF viewer. */
export const briefOpen = (briefId: number) => call<null>('brief_open', { briefId });

/** Asks where to save a PDF (the native dialog); null when the user cancels. */
export async function choosePdfPath(defaultPath: string): Promise<string | null> {
  try {
    return await save({ defaultPath, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  } catch (error) {
    throw new ApiError(toErrorPayload(error));
  }
}

/** The pictures of an opportunity, in their order. */
export const opportunityImages = (opportunityId: number) =>
  call<OpportunityImage[]>('opportunity_images', { opportunityId });

/** One picture as a `data:image/…;base64,…` URL (the only image source the CSP allows). */
export const opportunityImageData = (imageId: number) => call<string>('opportunity_image_data', { imageId });

/** Adds the picture at `path` (from the open dialog); the core checks it (PNG/JPEG, ≤ 20 MB) and resizes it. */
export const addOpportunityImage = (opportunityId: number, path: string, caption: string | null) =>
  call<OpportunityImage>('add_opportunity_image', { opportunityId, path, caption });

export const removeOpportunityImage = (imageId: number) => call<null>('remove_opportunity_image', { imageId });

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
