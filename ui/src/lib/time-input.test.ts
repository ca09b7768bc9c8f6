import { describe, expect, it } from 'vitest';
import { invalidTimeErrors, parseTimeInput } from './time-input';

describe('parseTimeInput', () => {
  it('reads the ways people type 14:00 (never 1400 as 00:30)', () => {
    for (const typed of ['1400', '14:00', '14h', '14.00', '14H00', ' 14 ', '14h00']) expect(parseTimeInput(typed)).toBe('14:00');
    expect(parseTimeInput('930')).toBe('09:30');
    expect(parseTimeInput('9:05')).toBe('09:05');
    expect(parseTimeInput('14h30')).toBe('14:30');
    expect(parseTimeInput('0')).toBe('00:00');
    expect(parseTimeInput('23:59')).toBe('23:59');
  });

  it('refuses what is not a time of day', () => {
    for (const typed of ['', '2400', '25h', '14:60', '14:5', '14000', 'abc', '14-00', '1 400', '-1']) {
      expect(parseTimeInput(typed)).toBeNull();
    }
  });

  it('refuses a draft whose time field holds text no time was read from', () => {
    const errors = invalidTimeErrors({ start_time: '25h', end_time: '15:30', other: 'x' }, ['start_time', 'end_time']);
    expect(errors.map((e) => [e.field, e.code])).toEqual([['start_time', 'invalid_time']]);
    expect(invalidTimeErrors({ start_time: '' }, ['start_time'])).toEqual([]);
  });
});
