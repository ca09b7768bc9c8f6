import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n/index.svelte';
import DateField from './DateField.svelte';
import { testIdOf } from '../test-ids';

// The bound value lives in a rune here, as it would in a form's draft.
function renderField(initial: string) {
  const bound = $state({ value: initial });
  render(DateField, {
    props: {
      id: 'd',
      name: 'start_date',
      get value() {
        return bound.value;
      },
      set value(v: string) {
        bound.value = v;
      },
    },
  });
  return { bound, input: screen.getByRole('textbox') as HTMLInputElement };
}

describe('DateField', () => {
  it('shows a stored date in the interface language order, and follows a language switch', async () => {
    const { input } = renderField('2027-01-12');
    expect(input.value).toBe('12/01/2027');
    expect(input).toHaveAttribute('type', 'text');
    expect(input).toHaveAttribute('placeholder', 'dd/mm/yyyy');
    setLanguage('en');
    flushSync();
    expect(input.value).toBe('12 Jan 2027');
  });

  it('binds what is typed as an ISO date, and shows it in the language order on leaving', async () => {
    setLanguage('en');
    const { bound, input } = renderField('');
    await fireEvent.input(input, { target: { value: '1/12/2027' } });
    expect(bound.value).toBe('2027-12-01');
    expect(input.value).toBe('1/12/2027');
    await fireEvent.blur(input);
    expect(input.value).toBe('1 Dec 2027');
    await fireEvent.input(input, { target: { value: '2027-03-08' } });
    expect(bound.value).toBe('2027-03-08');
    await fireEvent.input(input, { target: { value: '' } });
    expect(bound.value).toBe('');
  });

  it('says at once that a typed text is no date, and binds the text so the form refuses it', async () => {
    const { bound, input } = renderField('2027-03-08');
    await fireEvent.input(input, { target: { value: '31/02/2027' } });
    expect(bound.value).toBe('31/02/2027');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    const error = screen.getByTestId(testIdOf('error', 'start_date-date'));
    expect(error).toHaveTextContent('Ngày không hợp lệ');
    expect(input.getAttribute('aria-describedby')).toContain(error.id);
    // Left as typed on leaving, so it can be corrected.
    await fireEvent.blur(input);
    expect(input.value).toBe('31/02/2027');
    await fireEvent.input(input, { target: { value: '28/02/2027' } });
    expect(bound.value).toBe('2027-02-28');
    expect(screen.queryByTestId(testIdOf('error', 'start_date-date'))).toBeNull();
    expect(input).toHaveAttribute('aria-invalid', 'false');
  });

  it('shows a value set from outside (a record loaded, another day chosen)', async () => {
    const { bound, input } = renderField('');
    expect(input.value).toBe('');
    bound.value = '2027-03-09';
    flushSync();
    expect(input.value).toBe('09/03/2027');
  });
});
