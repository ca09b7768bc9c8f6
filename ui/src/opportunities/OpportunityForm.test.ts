import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Opportunity } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, invalidPayload, storedOpportunity } from '../test-ipc';
import OpportunityForm from './OpportunityForm.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

function input(container: HTMLElement, name: string): HTMLInputElement {
  const el = container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no input named ${name}`);
  return el;
}

async function fill(container: HTMLElement, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const el = input(container, name);
    if (el.tagName === 'SELECT') await fireEvent.change(el, { target: { value } });
    else await fireEvent.input(el, { target: { value } });
  }
}

async function addFigures(container: HTMLElement, rows: Record<string, string>[]) {
  for (const [i, row] of rows.entries()) {
    await fireEvent.click(screen.getByTestId(TestId.addKeyFigures));
    await fill(container, Object.fromEntries(Object.entries(row).map(([k, v]) => [`key_figures[${i}].${k}`, v])));
  }
}

const minimal = {
  name_vi: 'Khu công nghiệp Phú Nghĩa',
  location: 'Chương Mỹ, Hà Nội',
  source: 'Ban Quản lý các KCN và CX Hà Nội',
  source_date: '2025-06-30',
};

describe('OpportunityForm', () => {
  it('creates an opportunity with rents as integer minor units, tags and key figure rows', async () => {
    const calls = fakeCore({
      create_record: (args) => storedOpportunity(21, args.data as Partial<Opportunity>),
    });
    const { container } = render(OpportunityForm);

    await fill(container, {
      ...minimal,
      name_en: 'Phu Nghia Industrial Park',
      kind: 'industrial_zone',
      status: 'operating',
      area_ha: '170.5',
      land_rent_min_minor: '105.50',
      land_rent_max_minor: '120',
      land_rent_currency: 'USD',
      land_rent_unit: 'm²/chu kỳ thuê',
      incentives_vi: 'Miễn thuế nhập khẩu thiết bị',
    });
    await fireEvent.click(input(container, 'sectors').closest('fieldset')!.querySelector('[value="logistics"]')!);
    await fireEvent.click(container.querySelector('[name="sectors"][value="precision_mechanics"]')!);
    await addFigures(container, [
      { label_vi: 'Tỷ lệ lấp đầy', label_en: 'Occupancy', value: '92%', source: 'Báo cáo KCN', source_date: '2025-06-30' },
      {},
      { label_vi: 'Số dự án FDI', value: '45', source: 'HIZA' },
    ]);
    await fireEvent.click(screen.getByTestId(TestId.save));

    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    const { kind, data } = callsOf(calls, 'create_record')[0] as { kind: string; data: Opportunity };
    expect(kind).toBe('opportunities');
    expect(data).toEqual({
      kind: 'industrial_zone',
      name_vi: 'Khu công nghiệp Phú Nghĩa',
      name_en: 'Phu Nghia Industrial Park',
      summary_vi: null,
      summary_en: null,
      location: 'Chương Mỹ, Hà Nội',
      area_ha: 170.5,
      sectors: ['logistics', 'precision_mechanics'],
      status: 'operating',
      land_rent_min_minor: 10_550,
      land_rent_max_minor: 12_000,
      land_rent_currency: 'USD',
      land_rent_unit: 'm²/chu kỳ thuê',
      incentives_vi: 'Miễn thuế nhập khẩu thiết bị',
      incentives_en: null,
      infrastructure: null,
      contact: null,
      key_figures: [
        { label_vi: 'Tỷ lệ lấp đầy', label_en: 'Occupancy', value: '92%', source: 'Báo cáo KCN', source_date: '2025-06-30' },
        { label_vi: 'Số dự án FDI', label_en: '', value: '45', source: 'HIZA', source_date: null },
      ],
      source: 'Ban Quản lý các KCN và CX Hà Nội',
      source_date: '2025-06-30',
      notes: null,
    });
    await waitFor(() => expect(router.path).toBe('/opportunities/21'));
  });

  it('shows an error such as key_figures[1].source next to that row', async () => {
    fakeCore({
      create_record: () => {
        throw invalidPayload([
          { field: 'key_figures[1].source', code: 'required', message_vi: 'Trường này là bắt buộc', message_en: 'This field is required' },
          { field: 'land_rent_max_minor', code: 'max_below_min', message_vi: 'Giá thuê tối đa nhỏ hơn giá tối thiểu', message_en: 'Maximum rent is below the minimum' },
        ]);
      },
    });
    const { container } = render(OpportunityForm);
    await fill(container, { ...minimal, land_rent_min_minor: '120', land_rent_max_minor: '100' });
    await addFigures(container, [
      { label_vi: 'Diện tích', value: '170 ha', source: 'HIZA' },
      { label_vi: 'Lấp đầy', value: '92%' },
    ]);
    await fireEvent.click(screen.getByTestId(TestId.save));

    const error = await screen.findByTestId(testIdOf('error', 'key_figures[1].source'));
    expect(error).toHaveTextContent('Trường này là bắt buộc');
    const rows = screen.getAllByTestId(TestId.keyFiguresRow);
    expect(rows[1]).toContainElement(error);
    expect(rows[0].querySelector('.field-error')).toBeNull();
    expect(input(container, 'key_figures[1].source')).toHaveAttribute('aria-invalid', 'true');
    expect(input(container, 'key_figures[1].value')).toHaveAttribute('aria-invalid', 'false');
    const rentError = screen.getByTestId(testIdOf('error', 'land_rent_max_minor'));
    expect(rentError.closest('.field')?.querySelector('[name="land_rent_max_minor"]')).not.toBeNull();
    expect(screen.getByTestId(TestId.formError)).not.toHaveTextContent('key_figures');

    setLanguage('en');
    await waitFor(() => expect(within(rows[1]).getByTestId(testIdOf('error', 'key_figures[1].source'))).toHaveTextContent('This field is required'));
  });

  it('requires the source and its date, and reads amounts before calling the core', async () => {
    const calls = fakeCore({ create_record: () => storedOpportunity(1) });
    const { container } = render(OpportunityForm);
    await fill(container, { name_vi: 'Cụm công nghiệp Quất Động', location: 'Thường Tín', land_rent_min_minor: '12,345.678', land_rent_currency: 'USD' });
    await fireEvent.click(screen.getByTestId(TestId.save));

    expect(await screen.findByTestId(testIdOf('error', 'source'))).toHaveTextContent('Trường này là bắt buộc');
    expect(screen.getByTestId(testIdOf('error', 'source_date'))).toHaveTextContent('Trường này là bắt buộc');
    expect(screen.getByTestId(testIdOf('error', 'land_rent_min_minor'))).toHaveTextContent('USD có tối đa 2 chữ số thập phân');
    expect(callsOf(calls, 'create_record')).toHaveLength(0);
  });

  it('edits an opportunity by sending only what changed, keeping tags it does not know', async () => {
    const stored = storedOpportunity(5, {
      sectors: ['rd', 'vật liệu'],
      land_rent_min_minor: 10_500,
      land_rent_max_minor: 12_000,
      land_rent_currency: 'USD',
      key_figures: [
        { label_vi: 'Vốn đăng ký', label_en: 'Registered capital', value: 'VND 115.5 trillion', source: 'BQL', source_date: '2024-05-31' },
        { label_vi: 'Số dự án', label_en: 'Projects', value: '108', source: 'BQL', source_date: null },
      ],
    });
    const calls = fakeCore({
      get_record: () => stored,
      update_record: (args) => ({ ...stored, ...(args.patch as object) }),
    });
    const { container } = render(OpportunityForm, { id: 5 });
    await waitFor(() => expect(input(container, 'name_vi').value).toBe(stored.name_vi));
    expect(input(container, 'land_rent_min_minor').value).toBe('105.00');
    expect(container.querySelector<HTMLInputElement>('[name="sectors"][value="vật liệu"]')!.checked).toBe(true);
    expect(screen.getAllByTestId(TestId.keyFiguresRow)).toHaveLength(2);

    await fill(container, { land_rent_max_minor: '130', 'key_figures[1].value': '112' });
    await fireEvent.click(screen.getByLabelText('Xoá số liệu 1'));
    await fireEvent.click(screen.getByTestId(TestId.save));

    await waitFor(() => expect(callsOf(calls, 'update_record')).toHaveLength(1));
    expect(callsOf(calls, 'update_record')[0]).toEqual({
      kind: 'opportunities',
      id: 5,
      patch: {
        land_rent_max_minor: 13_000,
        key_figures: [{ label_vi: 'Số dự án', label_en: 'Projects', value: '112', source: 'BQL', source_date: null }],
        revision: 1,
      },
    });
    await waitFor(() => expect(router.path).toBe('/opportunities/5'));
  });
});
