import { describe, expect, it } from 'vitest';
import { saveRecord } from './save-record';
import { callsOf, fakeCore, storedDelegation } from '../test-ipc';

describe('saveRecord', () => {
  it('creates a new record with all its fields and returns the new id', async () => {
    const calls = fakeCore({ create_record: () => storedDelegation(7, { title: 'Đoàn mới' }) });
    const id = await saveRecord('delegations', null, { title: 'Đoàn mới' });
    expect(id).toBe(7);
    expect(callsOf(calls, 'create_record')).toEqual([{ kind: 'delegations', data: { title: 'Đoàn mới' } }]);
    expect(callsOf(calls, 'update_record')).toEqual([]);
  });

  it('updates an existing record with only the changed fields', async () => {
    const stored = storedDelegation(3);
    const calls = fakeCore({ update_record: () => storedDelegation(3, { title: 'Đoàn khác' }) });
    const id = await saveRecord('delegations', stored, { title: 'Đoàn khác', status: stored.status });
    expect(id).toBe(3);
    expect(callsOf(calls, 'update_record')).toEqual([
      { kind: 'delegations', id: 3, patch: { title: 'Đoàn khác' } },
    ]);
  });

  it('makes no call when nothing changed', async () => {
    const stored = storedDelegation(3);
    const calls = fakeCore({});
    const id = await saveRecord('delegations', stored, { title: stored.title, sectors: [] });
    expect(id).toBe(3);
    expect(calls).toEqual([]);
  });
});
