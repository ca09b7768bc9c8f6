import type { EntityKind, EntityMap } from './bindings.gen';
import { createRecord, updateRecord, type RecordOf } from './api';
import { changedFields } from './patch';

/** Creates the record, or updates `stored` with only its changed fields (no call when none changed); returns its id. */
export async function saveRecord<K extends EntityKind>(
  kind: K,
  stored: RecordOf<K> | null,
  fields: Partial<EntityMap[K]>,
): Promise<number> {
  if (!stored) return (await createRecord(kind, fields)).id;
  const patch = changedFields<EntityMap[K]>(stored, fields);
  if (Object.keys(patch).length > 0) await updateRecord(kind, stored.id, patch);
  return stored.id;
}
