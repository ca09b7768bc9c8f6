import { describe, expect, it } from 'vitest';
import { ApiError, createRecord, listRecords } from './api';
import { callsOf, fakeCore, invalidPayload } from '../test-ipc';

describe('api', () => {
  it('sends a complete ListQuery under the command argument names', async () => {
    const calls = fakeCore({ list_records: () => ({ items: [], total: 0, offset: 0, limit: 5 }) });
    await listRecords('itinerary-items', {
      filters: [{ field: 'delegation_id', value: '4' }],
      limit: 5,
    });
    expect(callsOf(calls, 'list_records')).toEqual([
      {
        kind: 'itinerary-items',
        query: {
          filters: [{ field: 'delegation_id', value: '4' }],
          sort: null,
          sort_else: null,
          descending: false,
          limit: 5,
          offset: 0,
        },
      },
    ]);
  });

  it('turns a rejection into an ApiError that carries the ErrorPayload', async () => {
    const payload = invalidPayload([
      { field: 'title', code: 'required', message_vi: 'Trường này là bắt buộc', message_en: 'This field is required' },
    ]);
    fakeCore({
      create_record: () => {
        throw payload;
      },
    });
    const failure = await createRecord('delegations', { title: '' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).payload).toEqual(payload);
  });
});
