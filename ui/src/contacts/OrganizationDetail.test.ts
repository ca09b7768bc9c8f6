import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Interaction, Lead, ListQuery, Organization, Stored } from '../lib/bindings.gen';
import { callsOf, fakeCore, linkedOf, listOf, storedMeta } from '../test-ipc';
import OrganizationDetail from './OrganizationDetail.svelte';
import OrganizationList from './OrganizationList.svelte';
import { TestId } from '../lib/test-ids';

const org: Stored<Organization> = {
  ...storedMeta(8),
  kind: 'investor',
  name_vi: 'Công ty TNHH Bán dẫn Seoul',
  name_en: 'Seoul Semiconductor Co.',
  country: 'KR',
  city: 'Seoul',
  sectors: ['bán dẫn'],
  size: 'multinational',
  website: 'https://example.kr',
  notes: null,
};

const lead: Stored<Lead> = {
  ...storedMeta(30),
  organization_id: 8,
  title: 'Nhà máy đóng gói chip tại Hòa Lạc',
  stage: 'site_visit',
  lost_reason: null,
  sectors: ['bán dẫn'],
  expected_capital_minor: 250_000_000_00,
  expected_capital_currency: 'USD',
  jobs: 1200,
  owner: 'Lê Hà',
  next_action: null,
  due_at: null,
  notes: null,
};

const interaction: Stored<Interaction> = {
  ...storedMeta(40),
  occurred_at: '2026-02-10T03:00:00Z',
  kind: 'meeting',
  summary: 'Gặp tại KOTRA, quan tâm khu công nghệ cao',
  organization_id: 8,
  contact_ids: [],
  delegation_id: null,
  itinerary_item_id: null,
  notes: null,
};

describe('Organisations', () => {
  it('detail lists the organisation’s people, leads and interactions by organization_id', async () => {
    const person = { ...storedMeta(15), full_name: 'Kim Min-jun', title: 'Giám đốc', organization_id: 8 };
    const calls = fakeCore({
      get_record: () => org,
      list_records: listOf({ contacts: [person], leads: [lead], interactions: [interaction] }),
      record_audit: () => [],
      linked_records: linkedOf(),
    });
    render(OrganizationDetail, { id: 8 });

    expect(await screen.findByTestId(TestId.detailTitle)).toHaveTextContent('Công ty TNHH Bán dẫn Seoul');
    expect(within(screen.getByTestId(TestId.organizationPerson)).getByRole('link')).toHaveAttribute(
      'href',
      '#/contacts/people/15',
    );
    const leadRow = screen.getByTestId(TestId.organizationLead);
    expect(leadRow).toHaveTextContent('Khảo sát thực địa');
    expect(within(leadRow).getByTestId(TestId.organizationLeadLink)).toHaveAttribute('href', '#/pipeline/leads/30');
    expect(leadRow).toHaveTextContent(/250\.000\.000 USD/);
    expect(await screen.findByTestId(TestId.interactionItem)).toHaveTextContent('Gặp tại KOTRA');

    for (const kind of ['contacts', 'leads', 'interactions']) {
      const query = callsOf(calls, 'list_records').find((a) => a.kind === kind)!.query as ListQuery;
      expect(query.filters).toEqual([{ field: 'organization_id', value: '8' }]);
    }
  });

  it('list is sorted by the chosen field', async () => {
    const calls = fakeCore({ list_records: listOf({ organizations: [org] }) });
    render(OrganizationList);
    expect(await screen.findByTestId(TestId.organizationRow)).toHaveTextContent('Seoul Semiconductor Co.');
    expect((callsOf(calls, 'list_records')[0].query as ListQuery).sort).toBe('name_vi');

    await fireEvent.change(screen.getByLabelText('Sắp xếp theo'), { target: { value: 'country' } });
    await fireEvent.click(screen.getByLabelText('Giảm dần'));

    await waitFor(() => {
      const query = callsOf(calls, 'list_records').at(-1)!.query as ListQuery;
      expect(query).toMatchObject({ sort: 'country', descending: true, offset: 0 });
    });
  });
});
