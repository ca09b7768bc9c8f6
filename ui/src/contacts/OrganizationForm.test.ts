import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ErrorPayload, Organization } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { pathOf, router } from '../lib/router.svelte';
import { TestId, testIdOf } from '../lib/test-ids';
import { callsOf, fakeCore, storedOrganization } from '../test-ipc';
import OrganizationForm from './OrganizationForm.svelte';

const loaded = storedOrganization(5, 'Công ty Thép Việt', { city: 'Hải Phòng' });
const theirs = { ...storedOrganization(5, 'Công ty Thép Việt (VSC)', { city: 'Hải Phòng', website: 'https://vsc.vn' }), revision: 2 };
const refusal: ErrorPayload = {
  code: 'changed_elsewhere',
  message_vi: 'Đã sửa ở nơi khác',
  message_en: 'Changed elsewhere',
  fields: [],
  changed: { current: theirs, fields: ['name_vi'] },
};

describe('OrganizationForm', () => {
  it('shows a change made elsewhere field by field, and saves the values chosen', async () => {
    setLanguage('en');
    let refuse = true;
    const calls = fakeCore({
      get_record: () => loaded,
      update_record: (args) => {
        if (refuse) {
          refuse = false;
          throw refusal;
        }
        return { ...theirs, ...(args.patch as Partial<Organization>), revision: 3 };
      },
    });
    const { container } = render(OrganizationForm, { id: 5 });
    const name = await waitFor(() => {
      const el = container.querySelector<HTMLInputElement>('[name="name_vi"]');
      if (!el) throw new Error('not loaded');
      return el;
    });
    await fireEvent.input(name, { target: { value: 'Thép Việt Steel' } });
    await fireEvent.click(screen.getByTestId(TestId.save));

    const panel = await screen.findByTestId(TestId.changedElsewhere);
    expect(panel).toHaveTextContent('This record was just changed elsewhere');
    // Each field by its form label, their value beside mine.
    const nameRow = within(panel).getByTestId(testIdOf('changedField', 'name_vi'));
    expect(nameRow).toHaveTextContent('Name (Vietnamese)');
    expect(nameRow).toHaveTextContent('Công ty Thép Việt (VSC)');
    expect(nameRow).toHaveTextContent('Thép Việt Steel');
    const siteRow = within(panel).getByTestId(testIdOf('changedField', 'website'));
    expect(siteRow).toHaveTextContent('Website');
    expect(within(siteRow).getByTestId(TestId.keepTheirs)).toBeChecked();
    expect(within(nameRow).getByTestId(TestId.keepMine)).toBeChecked();
    expect(screen.queryByTestId(TestId.formError)).toBeNull();

    await fireEvent.click(within(siteRow).getByTestId(TestId.keepMine));
    await fireEvent.click(screen.getByTestId(TestId.saveWithChoices));
    await waitFor(() => expect(callsOf(calls, 'update_record')).toHaveLength(2));
    expect(callsOf(calls, 'update_record')[1]).toEqual({
      kind: 'organizations',
      id: 5,
      patch: { name_vi: 'Thép Việt Steel', website: null, revision: 2 },
    });
    await waitFor(() => expect(router.path).toBe(pathOf({ name: 'organization', id: 5 })));
  });
});
