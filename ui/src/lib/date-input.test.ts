import { describe, expect, it } from 'vitest';
import { boundDateValue, formatDateInput, invalidDateErrors, isIsoDate, parseDateInput } from './date-input';

describe('typed dates', () => {
  it('read day first in both languages: d/M/yyyy, dd/MM/yyyy, yyyy-MM-dd and "8 Mar 2027"', () => {
    expect(parseDateInput('8/3/2027')).toBe('2027-03-08');
    expect(parseDateInput('08/03/2027')).toBe('2027-03-08');
    expect(parseDateInput(' 1/12/2027 ')).toBe('2027-12-01');
    expect(parseDateInput('12.1.2027')).toBe('2027-01-12');
    expect(parseDateInput('2027-03-08')).toBe('2027-03-08');
    expect(parseDateInput('8 Mar 2027')).toBe('2027-03-08');
    expect(parseDateInput('8 march 2027')).toBe('2027-03-08');
  });

  it('are no date when the day does not exist or the shape is unknown', () => {
    for (const text of ['31/02/2027', '29/02/2027', '0/3/2027', '8/13/2027', '2027-02-30', '03/08/27', 'mai', '8 Foo 2027', '']) {
      expect(parseDateInput(text), text).toBeNull();
    }
    expect(parseDateInput('29/02/2028')).toBe('2028-02-29');
  });

  it('are shown as every screen writes dates: dd/MM/yyyy in Vietnamese, "8 Mar 2027" in English', () => {
    expect(formatDateInput('2027-03-08', 'vi')).toBe('08/03/2027');
    expect(formatDateInput('2027-03-08', 'en')).toBe('8 Mar 2027');
    // Each shown form reads back as the same date.
    expect(parseDateInput(formatDateInput('2027-12-01', 'vi'))).toBe('2027-12-01');
    expect(parseDateInput(formatDateInput('2027-12-01', 'en'))).toBe('2027-12-01');
    expect(formatDateInput('', 'vi')).toBe('');
  });

  it('bind the ISO date, blank as "", and unreadable text as typed so a form can refuse it', () => {
    expect(boundDateValue('1/12/2027')).toBe('2027-12-01');
    expect(boundDateValue('  ')).toBe('');
    expect(boundDateValue(' 31/02/2027 ')).toBe('31/02/2027');
    expect(isIsoDate('2027-12-01')).toBe(true);
    expect(isIsoDate('31/02/2027')).toBe(false);
  });

  it('give a form one invalid_date error per unreadable date field', () => {
    const draft = { start_date: '2027-03-08', end_date: '32/03/2027', consent_date: '' };
    const errors = invalidDateErrors(draft, ['start_date', 'end_date', 'consent_date']);
    expect(errors.map((e) => [e.field, e.code])).toEqual([['end_date', 'invalid_date']]);
    expect(errors[0].message_vi).toContain('dd/mm/yyyy');
    expect(errors[0].message_en).toContain('Not a valid date');
  });
});
