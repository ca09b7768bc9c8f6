import { describe, expect, it } from 'vitest';
import {
  addDays,
  amountText,
  daysBetween,
  formatClockRange,
  formatDayHeading,
  formatFileSize,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatMoney,
  formatMoneyRange,
  formatTimeRange,
  HANOI_TIME_ZONE,
  minorDigits,
  parseAmount,
} from './format';

describe('dates', () => {
  it('are dd/MM/yyyy in Vietnamese and "27 Nov 2026" in English', () => {
    expect(formatDate('2026-11-27', 'vi')).toBe('27/11/2026');
    expect(formatDate('2026-03-05', 'vi')).toBe('05/03/2026');
    expect(formatDate('2026-11-27', 'en')).toBe('27 Nov 2026');
    expect(formatDate(null, 'vi')).toBe('');
    expect(formatDateRange('2026-03-12', '2026-03-18', 'vi')).toBe('12/03/2026 – 18/03/2026');
    expect(formatDateRange('2026-03-12', null, 'en')).toBe('12 Mar 2026');
  });

  it('show an instant on the clocks of a given zone', () => {
    const instant = '2026-03-12T01:30:00Z';
    expect(formatDateTime(instant, 'vi', 'Asia/Tokyo')).toBe('10:30 12/03/2026');
    expect(formatDateTime(instant, 'vi', HANOI_TIME_ZONE)).toBe('08:30 12/03/2026');
    expect(formatDateTime(instant, 'en', 'Europe/Paris')).toBe('12 Mar 2026, 02:30');
    expect(formatDateTime('2026-03-11T23:30:00Z', 'vi', 'America/New_York')).toBe('19:30 11/03/2026');
  });

  it('leave the end date out of a same-day range, and use the arrival zone for a flight', () => {
    expect(formatTimeRange('2026-03-12T01:00:00Z', '2026-03-12T03:00:00Z', 'vi', 'Asia/Tokyo')).toBe(
      '10:00 12/03/2026 – 12:00',
    );
    // Hanoi 23:30 → Tokyo 07:00 next day.
    expect(
      formatTimeRange('2026-03-11T16:30:00Z', '2026-03-11T22:00:00Z', 'vi', HANOI_TIME_ZONE, 'Asia/Tokyo'),
    ).toBe('23:30 11/03/2026 – 07:00 12/03/2026');
  });
});

describe('money', () => {
  it('knows the minor unit of each currency (ISO 4217)', () => {
    expect(minorDigits('VND')).toBe(0);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('EUR')).toBe(2);
  });

  it('reads amounts typed in major units into exact minor units', () => {
    expect(parseAmount('1.500.000.000', 'VND')).toEqual({ minor: 1_500_000_000 });
    expect(parseAmount('1 500 000', 'VND')).toEqual({ minor: 1_500_000 });
    expect(parseAmount('1.500', 'VND')).toEqual({ minor: 1500 });
    expect(parseAmount('12500.50', 'USD')).toEqual({ minor: 1_250_050 });
    expect(parseAmount('12.500,5', 'EUR')).toEqual({ minor: 1_250_050 });
    expect(parseAmount('0.29', 'USD')).toEqual({ minor: 29 });
    expect(parseAmount('300000', 'JPY')).toEqual({ minor: 300_000 });
    expect(parseAmount('', 'USD')).toEqual({ minor: null });
  });

  it('refuses amounts it cannot read exactly', () => {
    expect(parseAmount('12.5', 'JPY')).toEqual({ problem: 'decimals' });
    expect(parseAmount('1.234', 'USD')).toEqual({ problem: 'decimals' });
    expect(parseAmount('-5', 'USD')).toEqual({ problem: 'negative' });
    expect(parseAmount('abc', 'USD')).toEqual({ problem: 'invalid' });
    expect(parseAmount('15.00.000', 'VND')).toEqual({ problem: 'invalid' });
  });

  it('formats minor units per language and back into editable text', () => {
    expect(formatMoney(150_000_000, 'VND', 'vi')).toBe('150.000.000 VND');
    expect(formatMoney(1_250_050, 'USD', 'en')).toBe('USD 12,500.50');
    expect(formatMoney(null, 'USD', 'en')).toBe('');
    expect(amountText(1_250_050, 'USD')).toBe('12500.50');
  });

  it('writes money one way per language, with decimals only when the amount has them', () => {
    // The same as the core's documents (crates/core/src/numbers.rs).
    expect(formatMoney(800_000_000, 'USD', 'vi')).toBe('8.000.000 USD');
    expect(formatMoney(800_000_000, 'USD', 'en')).toBe('USD 8,000,000');
    expect(formatMoney(1_250_050, 'USD', 'vi')).toBe('12.500,50 USD');
    expect(formatMoney(1_250_050, 'USD', 'en', { whole: true })).toBe('USD 12,501');
    expect(formatMoney(300_000, 'JPY', 'en')).toBe('JPY 300,000');
    expect(formatMoneyRange(10_500, 12_000, 'USD', 'm² (50 năm)', 'vi')).toBe('105–120 USD/m² (50 năm)');
    expect(formatMoneyRange(10_500, 12_000, 'USD', 'm² (50 năm)', 'en')).toBe('USD 105–120/m² (50 năm)');
    // A unit that repeats the currency says it once.
    expect(formatMoneyRange(10_500, 12_000, 'USD', 'USD/m²/year', 'vi')).toBe('105–120 USD/m²/year');
    expect(formatMoneyRange(10_550, 12_000, 'USD', null, 'en')).toBe('USD 105.50–120.00');
    expect(formatMoneyRange(null, 12_000, 'USD', 'm²', 'en')).toBe('USD 120/m²');
    expect(formatMoneyRange(12_000, 12_000, 'USD', '', 'vi')).toBe('120 USD');
    expect(formatMoneyRange(null, null, 'USD', 'm²', 'vi')).toBe('');
    expect(amountText(5, 'USD')).toBe('0.05');
    expect(amountText(300_000, 'JPY')).toBe('300000');
  });
});

describe('programme days and clocks', () => {
  it('name a day of the programme with its number and weekday', () => {
    expect(formatDayHeading('2027-03-08', 1, 'vi')).toBe('Ngày 1 — Thứ Hai 08/03/2027');
    expect(formatDayHeading('2027-03-14', 7, 'vi')).toBe('Ngày 7 — Chủ Nhật 14/03/2027');
    expect(formatDayHeading('2027-03-08', 1, 'en')).toBe('Day 1 — Monday 8 Mar 2027');
    expect(formatDayHeading('2027-03-13', null, 'vi')).toBe('Thứ Bảy 13/03/2027');
    expect(addDays('2027-02-27', 2)).toBe('2027-03-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2027-03-08', '2027-03-12')).toBe(4);
  });

  it('read local times on the clocks of the place, with both zones for a flight', () => {
    expect(formatClockRange('2027-03-08T09:30:00', '2027-03-08T11:00:00', 'vi', 'JST', 'JST')).toBe('09:30 – 11:00 JST');
    expect(formatClockRange('2027-03-08T10:00:00', '2027-03-08T14:30:00', 'vi', 'JST', '+07')).toBe('10:00 JST – 14:30 +07');
    expect(formatClockRange('2027-03-08T23:00:00', '2027-03-09T01:00:00', 'vi', 'JST', 'JST')).toBe(
      '23:00 – 01:00 (09/03/2027) JST',
    );
    expect(formatClockRange('2027-03-08T08:00:00', '2027-03-08T09:30:00', 'en')).toBe('08:00 – 09:30');
  });

  it('give file sizes in the language’s number format', () => {
    expect(formatFileSize(820, 'vi')).toBe('820 B');
    expect(formatFileSize(48_640, 'vi')).toBe('47,5 KB');
    expect(formatFileSize(48_640, 'en')).toBe('47.5 KB');
    expect(formatFileSize(1_258_291, 'en')).toBe('1.2 MB');
  });
});
