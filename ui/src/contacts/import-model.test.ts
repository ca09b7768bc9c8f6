import { describe, expect, it } from 'vitest';
import type { ColumnMap } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { fieldLabel, nameKey, withLabel, withTarget } from './import-model';

const mapping: ColumnMap[] = [
  { column: 'E-mail 1 - Value', target: 'email', label: 'công việc' },
  { column: 'Name', target: 'full_name', label: null },
];

describe('import model', () => {
  it('edits one column of a mapping, keeping a label only for email and phone', () => {
    expect(withTarget(mapping, 0, 'phone')[0]).toEqual({ column: 'E-mail 1 - Value', target: 'phone', label: 'công việc' });
    expect(withTarget(mapping, 0, 'notes')[0]).toEqual({ column: 'E-mail 1 - Value', target: 'notes', label: null });
    expect(withTarget(mapping, 0, 'notes')[1]).toEqual(mapping[1]);
    expect(withLabel(mapping, 0, '  ')[0].label).toBeNull();
    expect(withLabel(mapping, 0, ' riêng ')[0].label).toBe('riêng');
    // The original is left alone.
    expect(mapping[0].target).toBe('email');
  });

  it('names the fields', () => {
    expect(fieldLabel('emails[1].value')).toBe('Email');
    expect(fieldLabel('consent_basis')).toBe('Cơ sở pháp lý');
    expect(fieldLabel('organization')).toBe('Tổ chức (theo tên)');
    expect(fieldLabel('Cột lạ')).toBe('Cột lạ');
    setLanguage('en');
    expect(fieldLabel('phones[0].value')).toBe('Phone');
  });

  it('compares a typed name whatever its case, spacing or Unicode form', () => {
    expect(nameKey('  nguyễn   văn AN ')).toBe(nameKey('Nguyễn Văn An'));
    // "ễ" typed as e + two combining marks (NFD) matches the precomposed form.
    expect(nameKey('Nguye\u0302\u0303n')).toBe(nameKey('Nguyễn'));
    expect(nameKey('Nguyen Van An')).not.toBe(nameKey('Nguyễn Văn An'));
  });
});
