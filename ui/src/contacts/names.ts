// Organisations looked up once per id a screen needs.

import { getRecord, type RecordOf } from '../lib/api';

/** The organisations with these ids (those that cannot be read are left out). */
export async function organizationsById(
  ids: (number | null)[],
): Promise<Record<number, RecordOf<'organizations'>>> {
  const unique = [...new Set(ids.filter((id): id is number => id !== null && id > 0))];
  const found = await Promise.all(
    unique.map((id) => getRecord('organizations', id).then((o) => [id, o] as const, () => null)),
  );
  return Object.fromEntries(found.filter((f) => f !== null));
}
