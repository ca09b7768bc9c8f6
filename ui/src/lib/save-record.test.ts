import { describe, expect, it } from 'vitest';
import { saveRecord } from './save-record';
import { callsOf, fakeCore, storedDelegation } from '../test-ipc';

describe('saveRecord', () => {
  it('creates a new record with all its fields and returns it as stored', async () => {
    const calls = fakeCore({ create_record: () => storedDelegation(7, { title: 'Đoàn mới' }) });
    const saved = await saveRecord('delegations', null, { title: 'Đoàn mới' });
    expect(saved.id).toBe(7);
    expect(callsOf(calls, 'create_record')).toEqual([{ kind: 'delegations', data: { title: 'Đoàn mới' } }]);
    expect(callsOf(calls, 'update_record')).toEqual([]);
  });

  it('updates an existing record with only the changed fields, based on the revision it was read at', async () => {
    const stored = { ...storedDelegation(3), revision: 4 };
    const calls = fakeCore({ update_record: () => ({ ...storedDelegation(3, { title: 'Đoàn khác' }), revision: 5 }) });
    const saved = await saveRecord('delegations', stored, { title: 'Đoàn khác', status: stored.status });
    expect(saved).toMatchObject({ id: 3, revision: 5 });
    expect(callsOf(calls, 'update_record')).toEqual([
      { kind: 'delegations', id: 3, patch: { title: 'Đoàn khác', revision: 4 } },
    ]);
  });

  it('makes no call when nothing changed', async () => {
    const stored = storedDelegation(3);
    const calls = fakeCore({});
    const saved = await saveRecord('delegations', stored, { title: stored.title, sectors: [] });
    expect(saved).toBe(stored);
    expect(calls).toEqual([]);
  });
});
