import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';
import { locale, message, setLanguage, t, type Message, type MessageKey } from './index.svelte';

const keys = Object.keys(vi) as MessageKey[];
const forms = (m: Message): string[] => (typeof m === 'string' ? [m] : [m.one, m.other]);
const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();

describe('dictionaries', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys).toEqual(viKeys);
  });

  it('have no empty label and keep the same placeholders in both languages', () => {
    for (const key of keys) {
      expect(vi[key].trim(), key).not.toBe('');
      for (const form of forms(en[key])) expect(form.trim(), key).not.toBe('');
      const other = typeof en[key] === 'string' ? en[key] : en[key].other;
      expect(placeholders(other), key).toEqual(placeholders(vi[key]));
      // "The first row…": the singular may say the count in words instead of `{n}`.
      for (const p of placeholders(forms(en[key])[0])) expect(placeholders(vi[key]), key).toContain(p);
    }
  });

  it('give every count its plural forms in English and one form in Vietnamese', () => {
    // The count of a phrase is always `{n}`: a key that counts has `one` and `other` in English.
    for (const key of keys) {
      if (!vi[key].includes('{n}')) continue;
      expect(typeof en[key], `${key} counts: give it { one, other } in en.ts`).toBe('object');
      expect(typeof vi[key], key).toBe('string');
    }
    // And no plural table without a count to choose by.
    for (const key of keys) {
      if (typeof en[key] === 'object') expect(vi[key], key).toContain('{n}');
    }
  });

  it('quote with “” in English, never «»', () => {
    for (const key of keys) {
      for (const form of forms(en[key])) expect(form, key).not.toMatch(/[«»]/);
    }
  });
});

describe('t', () => {
  it('follows the current language and fills placeholders', () => {
    setLanguage('vi');
    expect(t('nav.delegations')).toBe('Đoàn');
    expect(t('common.range', { from: 1, to: 20, total: 45 })).toBe('1–20 trên 45');
    setLanguage('en');
    expect(locale.lang).toBe('en');
    expect(t('nav.delegations')).toBe('Delegations');
    expect(t('delegations.deleteQuestion', { title: 'Tokyo 2026' })).toContain('“Tokyo 2026”');
    expect(document.documentElement.lang).toBe('en');
  });

  it('chooses the English plural by the count and keeps one Vietnamese form', () => {
    expect(message('en', 'import.rejected', { n: 1 })).toBe('1 row rejected');
    expect(message('en', 'import.rejected', { n: 2 })).toBe('2 rows rejected');
    expect(message('en', 'import.rejected', { n: 0 })).toBe('0 rows rejected');
    expect(message('en', 'briefs.matches', { n: 1 })).toBe('Shares 1 sector');
    expect(message('en', 'import.run', { n: '1' })).toBe('Import 1 contact');
    // A count already formatted with grouping marks is still read as its number.
    expect(message('en', 'import.run', { n: '1,000' })).toBe('Import 1,000 contacts');
    expect(message('vi', 'import.rejected', { n: 1 })).toBe('1 dòng bị từ chối');
    expect(message('vi', 'import.rejected', { n: 2 })).toBe('2 dòng bị từ chối');
    const contacts = message('en', 'count.contacts', { n: 1 });
    const organizations = message('en', 'count.organizations', { n: 3 });
    expect(message('en', 'import.created', { contacts, organizations })).toBe(
      'Created 1 contact and 3 organisations',
    );
  });
});
