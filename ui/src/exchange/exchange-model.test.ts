import { describe, expect, it } from 'vitest';
import type { AdoptPlan } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import {
  fieldChoices,
  fileName,
  initialChoices,
  missingChoices,
  officeName,
  otherLanguage,
  sameValue,
  shortHash,
  trustedByWords,
} from './exchange-model';

const plan: AdoptPlan = {
  uuid: 'u1',
  name_vi: 'Hòa Lạc',
  state: 'conflict',
  local_id: 3,
  diffs: [
    { field: 'area_ha', base: 10, mine: 11, theirs: 12 },
    { field: 'key_figures', base: [{ a: 1, b: 2 }], mine: [{ b: 2, a: 1 }], theirs: [] },
  ],
};

describe('exchange model', () => {
  it('names the tool that trusted a key in words, and an office by its code', () => {
    setLanguage('vi');
    expect(trustedByWords('cli')).toBe('dòng lệnh');
    expect(trustedByWords('app')).toBe('trong ứng dụng');
    setLanguage('en');
    expect(trustedByWords('demo')).toBe('the demo data');
    expect(trustedByWords('ITPC-HN')).toBe('ITPC-HN');
    setLanguage('vi');
  });

  it('starts a field only the sender changed on theirs and leaves one changed on both sides unchosen', () => {
    const choices = initialChoices([plan]);
    // Key order does not make a change.
    expect(choices).toEqual({ 'u1 key_figures': 'theirs' });
    expect(missingChoices([plan], choices)).toEqual(['u1 area_ha']);
    expect(fieldChoices([plan], { ...choices, 'u1 area_ha': 'mine' })).toEqual([
      { uuid: 'u1', field: 'area_ha', take: 'mine' },
      { uuid: 'u1', field: 'key_figures', take: 'theirs' },
    ]);
    expect(sameValue({ a: [1, { c: null }] }, { a: [1, { c: null }] })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
  });

  it('names an office by the local name, else its own name in the language, else its code', () => {
    const office = { local_name: null, name_vi: 'Thương vụ Nhật Bản', name_en: 'Trade Office Japan', office_code: 'VNTO-TYO' };
    expect(officeName(office, 'vi')).toBe('Thương vụ Nhật Bản');
    expect(officeName(office, 'en')).toBe('Trade Office Japan');
    expect(officeName({ ...office, name_en: '' }, 'en')).toBe('Thương vụ Nhật Bản');
    expect(officeName({ ...office, local_name: 'Tokyo' }, 'en')).toBe('Tokyo');
    expect(officeName({ name_vi: null, name_en: null, office_code: 'VNTO-TYO' }, 'vi')).toBe('VNTO-TYO');
  });

  it('makes again in the other language, names files and shortens hashes', () => {
    expect(otherLanguage('vi')).toBe('en');
    expect(otherLanguage('en')).toBe('vi');
    expect(otherLanguage('bi')).toBe('en');
    expect(fileName('/home/lan/Tải về/brief (1).zip')).toBe('brief (1).zip');
    expect(fileName('C:\\Users\\lan\\brief.dpbundle')).toBe('brief.dpbundle');
    expect(shortHash('ab'.repeat(32))).toBe('abababababab');
  });
});
