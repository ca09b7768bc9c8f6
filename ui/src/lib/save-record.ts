import type { EntityKind, EntityMap } from './bindings.gen';
import { createRecord, updateRecord, type RecordOf } from './api';
import { changedFields } from './patch';

/**
 * Creates the record, or updates `stored` with only its changed fields (no call when none
 * changed), based on the revision it was read at; returns the record as stored.
 */
export async function saveRecord<K extends EntityKind>(
  kind: K,
  stored: RecordOf<K> | null,
  fields: Partial<EntityMap[K]>,
): Promise<RecordOf<K>> {
  if (!stored) return createRecord(kind, fields);
  const patch = changedFields<EntityMap[K]>(stored, fields);
  if (Object.keys(patch).length === 0) return stored;
  return updateRecord(kind, stored.id, patch, stored.revision);
}
