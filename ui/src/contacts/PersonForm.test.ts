import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Contact, Organization, Stored } from '../lib/bindings.gen';
import { router } from '../lib/router.svelte';
import { callsOf, fakeCore, invalidPayload, listOf, storedMeta } from '../test-ipc';
import PersonForm from './PersonForm.svelte';
import { TestId, testIdOf } from '../lib/test-ids';

const org: Stored<Organization> = {
  ...storedMeta(4),
  kind: 'investor',
  name_vi: 'Tập đoàn Điện tử Hanshin',
  name_en: 'Hanshin Electronics',
  country: 'JP',
  city: 'Osaka',
  sectors: [],
  size: 'large',
  website: null,
  notes: null,
};

function input(container: HTMLElement, name: string): HTMLInputElement {
  const el = container.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no input named ${name}`);
  return el;
}

describe('PersonForm', () => {
  it('sends emails and phones as label + value rows, leaving blank rows out', async () => {
    const calls = fakeCore({
      list_records: listOf({ organizations: [org] }),
      create_record: (args) => ({ ...storedMeta(15), ...(args.data as Contact) }),
    });
    const { container } = render(PersonForm);
    await screen.findByRole('option', { name: 'Tập đoàn Điện tử Hanshin' });

    await fireEvent.input(input(container, 'full_name'), { target: { value: 'Tanaka Hiroshi' } });
    await fireEvent.change(input(container, 'organization_id'), { target: { value: '4' } });
    await fireEvent.click(screen.getByTestId(testIdOf('add', 'emails')));
    await fireEvent.click(screen.getByTestId(testIdOf('add', 'emails')));
    await fireEvent.input(input(container, 'emails[0].label'), { target: { value: 'công việc' } });
    await fireEvent.input(input(container, 'emails[0].value'), { target: { value: 'tanaka@hanshin.co.jp' } });
    await fireEvent.click(screen.getByTestId(testIdOf('add', 'phones')));
    await fireEvent.input(input(container, 'phones[0].value'), { target: { value: '+81 6 1234 5678' } });
    await fireEvent.change(input(container, 'consent_basis'), { target: { value: 'consent' } });
    await fireEvent.input(input(container, 'consent_date'), { target: { value: '2026-02-01' } });
    await fireEvent.click(screen.getByTestId(TestId.save));

    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    const { kind, data } = callsOf(calls, 'create_record')[0] as { kind: string; data: Contact };
    expect(kind).toBe('contacts');
    expect(data.organization_id).toBe(4);
    expect(data.emails).toEqual([{ label: 'công việc', value: 'tanaka@hanshin.co.jp' }]);
    expect(data.phones).toEqual([{ label: '', value: '+81 6 1234 5678' }]);
    expect(data.consent_basis).toBe('consent');
    expect(data.consent_date).toBe('2026-02-01');
    expect(data.nationality).toBeNull();
    await waitFor(() => expect(router.path).toBe('/contacts/people/15'));
  });

  it('shows an error such as emails[1].value next to that row', async () => {
    fakeCore({
      list_records: listOf({}),
      create_record: () => {
        throw invalidPayload([
          {
            field: 'emails[1].value',
            code: 'invalid_email',
            message_vi: 'Email không hợp lệ: «tanaka@»',
            message_en: 'Not a valid email address: “tanaka@”',
          },
        ]);
      },
    });
    const { container } = render(PersonForm);
    await fireEvent.input(input(container, 'full_name'), { target: { value: 'Tanaka' } });
    await fireEvent.click(screen.getByTestId(testIdOf('add', 'emails')));
    await fireEvent.click(screen.getByTestId(testIdOf('add', 'emails')));
    await fireEvent.input(input(container, 'emails[0].value'), { target: { value: 'a@b.jp' } });
    await fireEvent.input(input(container, 'emails[1].value'), { target: { value: 'tanaka@' } });
    await fireEvent.click(screen.getByTestId(TestId.save));

    const error = await screen.findByTestId(testIdOf('error', 'emails[1].value'));
    expect(error).toHaveTextContent('Email không hợp lệ: «tanaka@»');
    const rows = screen.getAllByTestId(testIdOf('labelledRow', 'emails'));
    expect(rows[1]).toContainElement(error);
    expect(rows[0].querySelector('.field-error')).toBeNull();
    expect(input(container, 'emails[1].value')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByTestId(TestId.formError)).not.toHaveTextContent('emails[1]');
  });
});
