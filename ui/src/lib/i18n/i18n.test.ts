import { describe, expect, it } from 'vitest';
import { en } from './en';
import { vi } from './vi';
import { locale, setLanguage, t } from './index.svelte';

describe('dictionaries', () => {
  it('have exactly the same keys in Vietnamese and English', () => {
    const viKeys = Object.keys(vi).sort();
    const enKeys = Object.keys(en).sort();
    expect(enKeys).toEqual(viKeys);
  });

  it('have no empty label and keep the same placeholders in both languages', () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(vi[key].trim(), key).not.toBe('');
      expect(en[key].trim(), key).not.toBe('');
      expect(placeholders(en[key]), key).toEqual(placeholders(vi[key]));
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
    expect(t('delegations.deleteQuestion', { title: 'Tokyo 2026' })).toContain('«Tokyo 2026»');
    expect(document.documentElement.lang).toBe('en');
  });
});
