// The organisation and people lists with a contact book of 100 000 records: the core pages, the
// screen holds one page of 50 rows, and any page is one jump away.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { ListQuery } from '../lib/bindings.gen';
import { setLanguage } from '../lib/i18n/index.svelte';
import { callsOf, fakeCore, storedContact, storedOrganization } from '../test-ipc';
import OrganizationList from './OrganizationList.svelte';
import PersonList from './PersonList.svelte';

const TOTAL = 100_000;

/** A `list_records` handler making up the requested page of a 100 000-record book. */
function hugeBook(kind: 'organizations' | 'contacts') {
  return (args: Record<string, unknown>) => {
    const query = args.query as ListQuery;
    const count = Math.max(0, Math.min(query.limit ?? TOTAL, TOTAL - query.offset));
    const items = Array.from({ length: count }, (_, i) => {
      const n = query.offset + i + 1;
      return kind === 'organizations'
        ? storedOrganization(n, `Tổ chức số ${n}`)
        : storedContact(n, `Người số ${n}`, { organization_id: (n % 7) + 1 });
    });
    return { items, total: TOTAL, offset: query.offset, limit: query.limit };
  };
}

const lastQuery = (calls: ReturnType<typeof fakeCore>) => callsOf(calls, 'list_records').at(-1)!.query as ListQuery;

describe('Lists of 100 000 records', () => {
  it('organisations: 50 rows a page from the core, the total shown, any page one jump away', async () => {
    const calls = fakeCore({ list_records: hugeBook('organizations') });
    render(OrganizationList);

    await waitFor(() => expect(screen.getAllByTestId('organization-row')).toHaveLength(50));
    expect(lastQuery(calls)).toMatchObject({ limit: 50, offset: 0, sort: 'name_vi' });
    expect(screen.getByTestId('pager-range')).toHaveTextContent('1–50 trên 100.000');
    expect(screen.getByTestId('page-of')).toHaveTextContent('/ 2.000');

    await fireEvent.click(screen.getByRole('button', { name: 'Trang sau' }));
    await waitFor(() => expect(screen.getByTestId('pager-range')).toHaveTextContent('51–100 trên 100.000'));
    expect(screen.getAllByTestId('organization-row')[0]).toHaveTextContent('Tổ chức số 51');

    await fireEvent.input(screen.getByTestId('page-jump'), { target: { value: '1.234' } });
    await fireEvent.click(screen.getByTestId('page-jump-go'));
    await waitFor(() => expect(lastQuery(calls).offset).toBe(61_650));
    await waitFor(() => expect(screen.getAllByTestId('organization-row')[0]).toHaveTextContent('Tổ chức số 61651'));
    expect(screen.getAllByTestId('organization-row')).toHaveLength(50);

    await fireEvent.click(screen.getByTestId('page-last'));
    await waitFor(() => expect(screen.getByTestId('pager-range')).toHaveTextContent('99.951–100.000 trên 100.000'));
    expect(screen.getByTestId('page-last')).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Trang sau' })).toBeDisabled();

    // A page past the end goes to the last one; the first page is one click away.
    await fireEvent.input(screen.getByTestId('page-jump'), { target: { value: '99999' } });
    await fireEvent.click(screen.getByTestId('page-jump-go'));
    expect(lastQuery(calls).offset).toBe(99_950);
    await fireEvent.click(screen.getByTestId('page-first'));
    await waitFor(() => expect(screen.getByTestId('pager-range')).toHaveTextContent('1–50 trên 100.000'));
    // Each page is one call for one page: nothing asks for the whole book.
    expect(callsOf(calls, 'list_records').every((a) => (a.query as ListQuery).limit === 50)).toBe(true);

    setLanguage('en');
    await waitFor(() => expect(screen.getByTestId('pager-range')).toHaveTextContent('1–50 of 100,000'));
  });

  it('people: pages of 50 with each organisation read once across pages', async () => {
    const calls = fakeCore({
      list_records: hugeBook('contacts'),
      get_record: (args) => storedOrganization(Number(args.id), `Tổ chức số ${String(args.id)}`),
    });
    render(PersonList);

    await waitFor(() => expect(screen.getAllByTestId('person-row')).toHaveLength(50));
    expect(screen.getByTestId('pager-range')).toHaveTextContent('1–50 trên 100.000');
    const row = screen.getAllByTestId('person-row')[0];
    expect(within(row).getByRole('link', { name: 'Tổ chức số 2' })).toHaveAttribute('href', '#/contacts/organizations/2');
    expect(callsOf(calls, 'get_record')).toHaveLength(7);

    await fireEvent.input(screen.getByTestId('page-jump'), { target: { value: '2000' } });
    await fireEvent.click(screen.getByTestId('page-jump-go'));
    await waitFor(() => expect(screen.getByTestId('pager-range')).toHaveTextContent('99.951–100.000 trên 100.000'));
    expect(screen.getAllByTestId('person-row')).toHaveLength(50);
    expect(lastQuery(calls)).toMatchObject({ limit: 50, offset: 99_950 });
    // The same seven organisations: none read again.
    expect(callsOf(calls, 'get_record')).toHaveLength(7);
  });
});
