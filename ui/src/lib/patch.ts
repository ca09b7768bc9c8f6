/** Only the fields whose value differs from the stored record: what an update sends. */
export function changedFields<T extends object>(before: T, after: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) patch[key] = after[key];
  }
  return patch;
}
