// Instants typed and shown on this computer's clock, tested on a Hanoi clock (UTC+7).
import { describe, expect, it } from 'vitest';
import { useTimeZone } from '../test-ipc';
import { formatStamp, localInputValue, utcFromLocalInput } from './format';

useTimeZone('Asia/Ho_Chi_Minh');

describe('local date-times', () => {
  it('show an instant date first on the local clock: dd/MM/yyyy HH:mm, or "2 Mar 2026, 09:30"', () => {
    expect(formatStamp('2026-03-02T02:30:00Z', 'vi')).toBe('02/03/2026 09:30');
    expect(formatStamp('2026-03-01T20:05:00Z', 'vi')).toBe('02/03/2026 03:05');
    expect(formatStamp('2026-03-02T02:30:00Z', 'en')).toBe('2 Mar 2026, 09:30');
    expect(formatStamp(null, 'vi')).toBe('');
  });

  it('turn what a datetime-local input holds into the UTC instant, and back', () => {
    expect(utcFromLocalInput('2026-03-02T09:30')).toBe('2026-03-02T02:30:00Z');
    expect(utcFromLocalInput('2026-03-02T03:00')).toBe('2026-03-01T20:00:00Z');
    expect(utcFromLocalInput('')).toBeNull();
    expect(utcFromLocalInput('2026-02-30T09:00')).toBeNull();
    expect(utcFromLocalInput('02/03/2026 09:30')).toBeNull();
    expect(localInputValue(new Date('2026-03-01T20:00:00Z'))).toBe('2026-03-02T03:00');
  });
});
