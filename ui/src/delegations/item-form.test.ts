import { describe, expect, it } from 'vitest';
import type { DayView } from '../lib/bindings.gen';
import { itemView } from '../test-ipc';
import { entryErrors, entryOf, itemDraft, timeValue } from './item-form';
import { hanoiRange, programmeDays } from './itinerary-days';

describe('item form model', () => {
  it('sends times as HH:MM:SS and the arrival zone only with a travel leg that changes zone', () => {
    expect(timeValue('09:30')).toBe('09:30:00');
    expect(timeValue('09:30:15')).toBe('09:30:15');
    expect(timeValue(' ')).toBeNull();
    const draft = { ...itemDraft({ date: '2027-03-08', timeZone: 'Asia/Tokyo' }), title: 'Bay', start_time: '22:00', end_time: '06:30' };
    expect(entryOf({ ...draft, end_time_zone: 'Asia/Ho_Chi_Minh' }, 5).end_time_zone).toBeNull();
    expect(entryOf({ ...draft, kind: 'travel', end_time_zone: 'Asia/Ho_Chi_Minh' }, 5).end_time_zone).toBe('Asia/Ho_Chi_Minh');
    expect(entryOf({ ...draft, kind: 'travel', end_time_zone: 'Asia/Tokyo' }, 5).end_time_zone).toBeNull();
    expect(entryOf(draft, 5)).toMatchObject({ delegation_id: 5, start_date: '2027-03-08', end_date: null, start_time: '22:00:00' });
  });

  it('puts record-level errors on the inputs they are about', () => {
    const payload = entryErrors({
      code: 'invalid',
      message_vi: '',
      message_en: '',
      fields: [
        { field: 'ends_at', code: 'end_before_start', message_vi: 'a', message_en: 'a' },
        { field: 'attendee_ids[0]', code: 'other_delegation', message_vi: 'b', message_en: 'b' },
      ],
    });
    expect(payload.fields.map((f) => f.field)).toEqual(['end_time', 'attendee_ids[0]']);
  });
});

describe('programme days', () => {
  it('has every day of the delegation, plus days with items outside its dates (without a number)', () => {
    const v = itemView(1, 'Đón sân bay', ['2027-03-07T20:00', '2027-03-07T21:00'], ['2027-03-07T18:00', '2027-03-07T19:00']);
    const days: DayView[] = [{ date: '2027-03-07', day_number: 0, items: [v] }];
    const all = programmeDays({ start_date: '2027-03-08', end_date: '2027-03-09' }, days);
    expect(all.map((d) => [d.date, d.dayNumber, d.items.length])).toEqual([
      ['2027-03-07', null, 1],
      ['2027-03-08', 1, 0],
      ['2027-03-09', 2, 0],
    ]);
    expect(programmeDays({ start_date: null, end_date: null }, days).map((d) => d.dayNumber)).toEqual([null]);
  });

  it('dates Hanoi time when it falls on another day than the local one', () => {
    const ny = itemView(2, 'Dinner', ['2027-03-08T19:00', '2027-03-08T21:00'], ['2027-03-09T07:00', '2027-03-09T09:00']);
    expect(hanoiRange(ny, 'vi')).toBe('09/03/2027 07:00 – 09:00');
  });
});

describe('a new item', () => {
  it('is arranged by the delegation counsellor by default', () => {
    expect(itemDraft({ date: '2027-03-08', timeZone: 'Asia/Tokyo', counsellorId: 4 }).counsellor_id).toBe('4');
    expect(itemDraft({ date: '2027-03-08', timeZone: 'Asia/Tokyo' }).counsellor_id).toBe('');
  });
});
