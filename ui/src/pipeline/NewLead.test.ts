// A new lead: from the board (the organisation chosen in the form) and from an organisation's
// page (that organisation fixed), sent through the core's generic create, opened once saved.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Lead, ListQuery } from '../lib/bindings.gen';
import { router } from '../lib/router.svelte';
import { hasUnsavedChanges } from '../lib/unsaved.svelte';
import { TestId, testIdOf } from '../lib/test-ids';
import App from '../App.svelte';
import {
  callsOf,
  fakeCore,
  invalidPayload,
  linkedOf,
  listOf,
  storedLead,
  storedMeta,
  storedOrganization,
  useTimeZone,
} from '../test-ipc';
import LeadForm from './LeadForm.svelte';
import PipelinePage from './PipelinePage.svelte';

// Hanoi's clock (UTC+7): a due time typed as 17:00 is sent as 10:00 UTC.
useTimeZone('Asia/Ho_Chi_Minh');

const SEOUL = storedOrganization(8, 'Công ty TNHH Bán dẫn Seoul', { name_en: 'Seoul Semiconductor Co.' });
const OSAKA = storedOrganization(9, 'Tập đoàn Điện tử Hanshin', { country: 'JP', city: 'Osaka' });

/** A core that creates leads as id 21 (recording what it was sent) and reads them back. */
function core() {
  let created: Lead | null = null;
  return fakeCore({
    list_records: listOf({ organizations: [OSAKA, SEOUL] }),
    get_record: (args) =>
      args.kind === 'leads' && created ? { ...storedMeta(21), ...created } : args.id === 9 ? OSAKA : SEOUL,
    create_record: (args) => {
      created = storedLead(21, '', args.data as Partial<Lead>);
      return created;
    },
  });
}

const field = (form: HTMLElement, name: string) => {
  const el = form.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!el) throw new Error(`no field named ${name}`);
  return el;
};

describe('New lead', () => {
  it('is reached from the board, and sends the organisation chosen, capital in minor units and due time in UTC', async () => {
    const calls = core();
    render(LeadForm);
    const form = await screen.findByTestId(TestId.leadForm);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Thêm cơ hội theo dõi');
    // Every organisation to choose from, by the name shown; none chosen yet.
    await within(form).findByRole('option', { name: 'Công ty TNHH Bán dẫn Seoul' });
    expect(field(form, 'organization_id')).toHaveValue('');
    const orgQuery = callsOf(calls, 'list_records').find((c) => c.kind === 'organizations')!.query as ListQuery;
    expect(orgQuery.sort).toBe('name_vi');

    await fireEvent.change(field(form, 'organization_id'), { target: { value: '8' } });
    await fireEvent.input(field(form, 'title'), { target: { value: '  Nhà máy đóng gói chip tại Hòa Lạc ' } });
    await fireEvent.click(within(screen.getByTestId(testIdOf('tags', 'sectors'))).getByDisplayValue('semiconductors'));
    await fireEvent.input(field(form, 'expected_capital_minor'), { target: { value: '150000000.50' } });
    await fireEvent.input(field(form, 'jobs'), { target: { value: '1200' } });
    await fireEvent.input(field(form, 'owner'), { target: { value: 'Lê Hà' } });
    await fireEvent.input(field(form, 'next_action'), { target: { value: 'Gửi hồ sơ khu đất' } });
    await fireEvent.input(field(form, 'due_at'), { target: { value: '2026-12-01T17:00' } });
    await fireEvent.click(screen.getByTestId(TestId.save));

    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    expect(callsOf(calls, 'create_record')[0]).toEqual({
      kind: 'leads',
      data: {
        organization_id: 8,
        stage: 'lead',
        title: 'Nhà máy đóng gói chip tại Hòa Lạc',
        sectors: ['semiconductors'],
        expected_capital_minor: 150_000_000_50,
        expected_capital_currency: 'USD',
        jobs: 1200,
        owner: 'Lê Hà',
        next_action: 'Gửi hồ sơ khu đất',
        due_at: '2026-12-01T10:00:00Z',
        notes: null,
      },
    });
    // Saved: the new lead's page, with nothing left to ask about on the way.
    await waitFor(() => expect(router.path).toBe('/pipeline/leads/21'));
  });

  it('shows the core’s refusal beside the organisation and the title, and sends no organisation when none is chosen', async () => {
    const calls = fakeCore({
      list_records: listOf({ organizations: [SEOUL] }),
      create_record: () => {
        throw invalidPayload([
          { field: 'organization_id', code: 'required', message_vi: 'Trường này là bắt buộc', message_en: 'This field is required' },
          { field: 'title', code: 'required', message_vi: 'Trường này là bắt buộc', message_en: 'This field is required' },
        ]);
      },
    });
    render(LeadForm);
    const form = await screen.findByTestId(TestId.leadForm);
    await within(form).findByRole('option', { name: 'Công ty TNHH Bán dẫn Seoul' });
    await fireEvent.click(screen.getByTestId(TestId.save));

    const orgError = await screen.findByTestId(testIdOf('error', 'organization_id'));
    expect(orgError).toHaveTextContent('Trường này là bắt buộc');
    expect(screen.getByTestId(testIdOf('error', 'title'))).toHaveTextContent('Trường này là bắt buộc');
    expect(field(form, 'organization_id')).toHaveAttribute('aria-invalid', 'true');
    expect(field(form, 'title')).toHaveAttribute('aria-invalid', 'true');
    // Beside their fields, not repeated in the message above the form.
    expect(screen.getByTestId(TestId.formError)).not.toHaveTextContent('organization_id');
    const sent = callsOf(calls, 'create_record')[0].data as Partial<Lead>;
    expect(sent).not.toHaveProperty('organization_id');
    expect(sent.title).toBe('');
    expect(router.path).toBe('/');

    // Choosing one takes its error away.
    await fireEvent.change(field(form, 'organization_id'), { target: { value: '8' } });
    await waitFor(() => expect(screen.queryByTestId(testIdOf('error', 'organization_id'))).toBeNull());
    expect(screen.getByTestId(testIdOf('error', 'title'))).toBeInTheDocument();
  });

  it('has its button on the board', async () => {
    // The board's own reads are left unanswered: only its button is looked at.
    fakeCore({ list_records: listOf({}) });
    render(PipelinePage);
    expect(await screen.findByTestId(TestId.newLead)).toHaveAttribute('href', '#/pipeline/leads/new');
    expect(screen.getByTestId(TestId.newLead)).toHaveTextContent('Thêm cơ hội theo dõi');
  });

  it('from an organisation’s page, starts with that organisation fixed and goes back there on cancel', async () => {
    const calls = fakeCore({
      get_settings: () => ({ ui_language: 'vi', travel_buffer_minutes: 45 }),
      list_records: listOf({ organizations: [OSAKA, SEOUL] }),
      get_record: (args) => (args.kind === 'leads' ? storedLead(21, 'Trung tâm R&D', { organization_id: 8 }) : SEOUL),
      record_audit: () => [],
      linked_records: linkedOf(),
      create_record: (args) => storedLead(21, 'Trung tâm R&D', args.data as Partial<Lead>),
    });
    location.hash = '#/contacts/organizations/8';
    render(App);
    await screen.findByTestId(TestId.organizationDetail);
    const button = screen.getByTestId(TestId.organizationNewLead);
    expect(button).toHaveAttribute('href', '#/pipeline/leads/new?organization=8');
    expect(button).toHaveTextContent('Thêm cơ hội theo dõi');

    await fireEvent.click(button);
    const form = await screen.findByTestId(TestId.leadForm);
    expect(location.hash).toBe('#/pipeline/leads/new?organization=8');
    // The organisation is shown, not chosen: no list to pick from.
    await waitFor(() => expect(screen.getByTestId(TestId.leadFormOrganization)).toHaveValue('Công ty TNHH Bán dẫn Seoul'));
    expect(screen.getByTestId(TestId.leadFormOrganization)).toHaveAttribute('readonly');
    expect(form.querySelector('select[name="organization_id"]')).toBeNull();
    expect(within(form).getByRole('link', { name: 'Huỷ' })).toHaveAttribute('href', '#/contacts/organizations/8');

    // The organisation it starts with is no change of the officer's: leaving asks nothing yet.
    expect(hasUnsavedChanges()).toBe(false);
    await fireEvent.input(field(form, 'title'), { target: { value: 'Trung tâm R&D' } });
    expect(hasUnsavedChanges()).toBe(true);
    await fireEvent.click(screen.getByTestId(TestId.save));
    await waitFor(() => expect(callsOf(calls, 'create_record')).toHaveLength(1));
    expect(callsOf(calls, 'create_record')[0].data).toMatchObject({ organization_id: 8, stage: 'lead', title: 'Trung tâm R&D' });
    expect(await screen.findByTestId(TestId.leadDetail)).toBeInTheDocument();
    expect(location.hash).toBe('#/pipeline/leads/21');
  });
});
