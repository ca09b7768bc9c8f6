// The rules every form keeps, seen on the delegation form: required fields are marked (from the
// core's own list), and an error goes once its field is changed (the Country error after "VN" is
// typed, "End is before start" once a date is fixed).
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { REQUIRED_FIELDS } from '../lib/labels.gen';
import { callsOf, fakeCore, invalidPayload, listOf } from '../test-ipc';
import DelegationForm from './DelegationForm.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

const REFUSAL = invalidPayload([
  { field: 'destination_country', code: 'invalid_country', message_vi: 'Mã quốc gia phải gồm 2 chữ in hoa', message_en: 'Two letters' },
  { field: 'end_date', code: 'end_before_start', message_vi: 'Kết thúc trước khi bắt đầu', message_en: 'End is before start' },
]);

function input(container: HTMLElement, name: string): HTMLInputElement {
  return container.querySelector<HTMLInputElement>(`[name="${name}"]`)!;
}

describe('DelegationForm rules', () => {
  it('marks exactly the fields the core requires, with aria-required', async () => {
    fakeCore({ list_records: listOf({}), list_sectors: () => [] });
    const { container } = render(DelegationForm);
    await screen.findByTestId(TestId.delegationForm);
    expect(REQUIRED_FIELDS.delegations).toEqual(['title', 'destination_country', 'time_zone']);
    for (const name of REQUIRED_FIELDS.delegations) {
      const el = input(container, name);
      expect(el).toHaveAttribute('aria-required', 'true');
      expect(container.querySelector(`label[for="${el.id}"] .required-mark`)).not.toBeNull();
    }
    for (const name of ['purpose', 'destination_city', 'start_date']) {
      expect(input(container, name)).not.toHaveAttribute('aria-required', 'true');
      expect(container.querySelector(`label[for="${input(container, name).id}"] .required-mark`)).toBeNull();
    }
  });

  it("clears the Country error once VN is typed, and the order error once a date is fixed", async () => {
    const calls = fakeCore({ list_records: listOf({}), list_sectors: () => [], create_record: () => { throw REFUSAL; } });
    const { container } = render(DelegationForm);
    await screen.findByTestId(TestId.delegationForm);
    await fireEvent.input(input(container, 'title'), { target: { value: 'Đoàn' } });
    await fireEvent.input(input(container, 'destination_country'), { target: { value: 'V' } });
    await fireEvent.input(input(container, 'time_zone'), { target: { value: 'Asia/Ho_Chi_Minh' } });
    await fireEvent.input(input(container, 'start_date'), { target: { value: '10/03/2027' } });
    await fireEvent.input(input(container, 'end_date'), { target: { value: '08/03/2027' } });
    await fireEvent.click(screen.getByTestId(TestId.save));
    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    expect(await screen.findByTestId(testIdOf('error', 'destination_country'))).toBeInTheDocument();
    expect(screen.getByTestId(testIdOf('error', 'end_date'))).toHaveTextContent('Kết thúc trước khi bắt đầu');
    expect(screen.getByTestId(TestId.formError)).toBeInTheDocument();

    await fireEvent.input(input(container, 'destination_country'), { target: { value: 'VN' } });
    expect(screen.queryByTestId(testIdOf('error', 'destination_country'))).toBeNull();
    expect(input(container, 'destination_country')).toHaveAttribute('aria-invalid', 'false');
    expect(screen.getByTestId(testIdOf('error', 'end_date'))).toBeInTheDocument();

    // The start moved before the end: the order error was about both, so it goes.
    await fireEvent.input(input(container, 'start_date'), { target: { value: '07/03/2027' } });
    expect(screen.queryByTestId(testIdOf('error', 'end_date'))).toBeNull();
    expect(screen.queryByTestId(TestId.formError)).toBeNull();
  });
});
