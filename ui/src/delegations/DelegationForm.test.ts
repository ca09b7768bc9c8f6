import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../lib/i18n/index.svelte';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, invalidPayload, listOf, storedDelegation, storedMeta } from '../test-ipc';
import DelegationForm from './DelegationForm.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

const counsellors = [
  {
    ...storedMeta(3),
    office_id: 1,
    full_name: 'Nguyễn Thị Lan',
    title: 'Tham tán thương mại',
    email: null,
    phone: null,
    languages: ['ja'],
    notes: null,
  },
];

function field(container: HTMLElement, name: string): HTMLInputElement {
  const el = container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no input named ${name}`);
  return el;
}

async function fill(container: HTMLElement, values: Record<string, string>) {
  for (const [name, value] of Object.entries(values)) {
    const el = field(container, name);
    if (el.tagName === 'SELECT') await fireEvent.change(el, { target: { value } });
    else await fireEvent.input(el, { target: { value } });
  }
}

describe('DelegationForm', () => {
  it('creates a delegation with the typed fields, the budget in minor units, then opens it', async () => {
    const calls = fakeCore({
      list_records: listOf({ counsellors }),
      create_record: (args) => storedDelegation(42, args.data as object),
    });
    const { container } = render(DelegationForm);
    await screen.findByRole('option', { name: /Nguyễn Thị Lan/ });

    await fill(container, {
      title: '  Đoàn xúc tiến đầu tư tại Nhật Bản 2026 ',
      kind: 'outbound',
      destination_country: 'jp',
      destination_city: 'Tokyo',
      time_zone: 'Asia/Tokyo',
      start_date: '2026-03-12',
      end_date: '2026-03-18',
      counsellor_id: '3',
      budget_minor: '12500.50',
      budget_currency: 'USD',
    });
    // Sectors are picked from the list, never typed.
    for (const name of ['Bán dẫn', 'Logistics', 'Thương mại điện tử']) {
      await fireEvent.click(screen.getByRole('checkbox', { name }));
    }
    await fireEvent.click(screen.getByTestId(TestId.save));

    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    expect(callsOf(calls, 'create_record')[0]).toEqual({
      kind: 'delegations',
      data: {
        kind: 'outbound',
        title: 'Đoàn xúc tiến đầu tư tại Nhật Bản 2026',
        purpose: null,
        destination_country: 'JP',
        destination_city: 'Tokyo',
        time_zone: 'Asia/Tokyo',
        start_date: '2026-03-12',
        end_date: '2026-03-18',
        lead_officer: null,
        counsellor_id: 3,
        budget_minor: 1_250_050,
        budget_currency: 'USD',
        sectors: ['semiconductors', 'logistics', 'e_commerce'],
        notes: null,
      },
    });
    await waitFor(() => expect(router.path).toBe('/delegations/42'));
    expect(location.hash).toBe('#/delegations/42');
  });

  it('converts a VND budget, which has no minor unit, as whole dong', async () => {
    const calls = fakeCore({
      list_records: listOf({}),
      create_record: (args) => storedDelegation(7, args.data as object),
    });
    const { container } = render(DelegationForm);
    await fill(container, {
      title: 'Đoàn Hàn Quốc',
      destination_country: 'KR',
      time_zone: 'Asia/Seoul',
      budget_minor: '1.500.000.000',
      budget_currency: 'VND',
    });
    await fireEvent.click(screen.getByTestId(TestId.save));

    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    const data = callsOf(calls, 'create_record')[0].data as Record<string, unknown>;
    expect(data.budget_minor).toBe(1_500_000_000);
    expect(data.budget_currency).toBe('VND');
    expect(data.start_date).toBeNull();
  });

  it('shows each FieldError next to its field, and the others at the top', async () => {
    fakeCore({
      list_records: listOf({}),
      create_record: () => {
        throw invalidPayload([
          {
            field: 'end_date',
            code: 'end_before_start',
            message_vi: 'Thời điểm kết thúc trước thời điểm bắt đầu',
            message_en: 'End is before start',
          },
          {
            field: 'time_zone',
            code: 'unknown_time_zone',
            message_vi: 'Múi giờ không xác định: «Asia/Hanoi» (ví dụ: Asia/Tokyo)',
            message_en: 'Unknown time zone: «Asia/Hanoi» (e.g. Asia/Tokyo)',
          },
          { field: 'approved_by', code: 'too_long', message_vi: 'Dài quá 500 ký tự (501)', message_en: 'Longer than 500 characters (501)' },
        ]);
      },
    });
    const { container } = render(DelegationForm);
    await fill(container, {
      title: 'Đoàn Paris',
      destination_country: 'FR',
      time_zone: 'Asia/Hanoi',
      start_date: '2026-05-10',
      end_date: '2026-05-01',
    });
    await fireEvent.click(screen.getByTestId(TestId.save));

    const endError = await screen.findByTestId(testIdOf('error', 'end_date'));
    expect(endError).toHaveTextContent('Thời điểm kết thúc trước thời điểm bắt đầu');
    // Next to its own input: inside the same field block.
    expect(endError.closest('.field')?.querySelector('[name="end_date"]')).not.toBeNull();
    expect(screen.getByTestId(testIdOf('error', 'time_zone'))).toHaveTextContent('Múi giờ không xác định');
    expect(field(container, 'time_zone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByTestId(testIdOf('error', 'title'))).toBeNull();
    const top = screen.getByTestId(TestId.formError);
    expect(top).toHaveTextContent('Vui lòng sửa các lỗi');
    expect(top).toHaveTextContent('approved_by: Dài quá 500 ký tự');
    expect(top).not.toHaveTextContent('end_date');

    setLanguage('en');
    await waitFor(() => expect(screen.getByTestId(testIdOf('error', 'end_date'))).toHaveTextContent('End is before start'));
    expect(window.location.hash).toBe('');
  });

  it('refuses a JPY budget with decimals without calling the core', async () => {
    const calls = fakeCore({ list_records: listOf({}), create_record: () => storedDelegation(1) });
    const { container } = render(DelegationForm);
    await fill(container, { title: 'Đoàn Osaka', budget_minor: '1500.5', budget_currency: 'JPY' });
    await fireEvent.click(screen.getByTestId(TestId.save));

    expect(await screen.findByTestId(testIdOf('error', 'budget_minor'))).toHaveTextContent('JPY có tối đa 0 chữ số thập phân');
    expect(callsOf(calls, 'create_record')).toHaveLength(0);
  });

  it('edits a delegation by sending only the fields that changed, never its status', async () => {
    const stored = storedDelegation(9, {
      budget_minor: 250_000,
      budget_currency: 'USD',
      sectors: ['logistics'],
      status: 'approved',
      approved_by: 'Nguyễn Văn An',
      approved_at: '2026-02-01T03:00:00Z',
    });
    const calls = fakeCore({
      list_records: listOf({}),
      get_record: () => stored,
      update_record: (args) => ({ ...stored, ...(args.patch as object) }),
    });
    const { container } = render(DelegationForm, { id: 9 });
    await waitFor(() => expect(field(container, 'title').value).toBe(stored.title));
    expect(field(container, 'budget_minor').value).toBe('2500.00');
    // The status changes only through the workflow: shown, not editable.
    expect(container.querySelector('[name="status"]')).toBeNull();
    expect(screen.getByTestId(TestId.formStatus)).toHaveTextContent('Đã phê duyệt');
    expect(screen.getByTestId(TestId.formStatus)).toHaveTextContent('Nguyễn Văn An');

    await fill(container, { end_date: '2026-03-20', budget_minor: '3000' });
    await fireEvent.click(screen.getByTestId(TestId.save));

    await waitFor(() => expect(callsOf(calls, 'update_record')).toHaveLength(1));
    expect(callsOf(calls, 'update_record')[0]).toEqual({
      kind: 'delegations',
      id: 9,
      patch: { end_date: '2026-03-20', budget_minor: 300_000, revision: 1 },
    });
    await waitFor(() => expect(router.path).toBe('/delegations/9'));
  });
});
