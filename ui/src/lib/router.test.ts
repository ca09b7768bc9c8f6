import { describe, expect, it } from 'vitest';
import {
  DELEGATION_TABS,
  href,
  parseRoute,
  pathOf,
  queryOf,
  screenKey,
  sectionOf,
  type Route,
} from './router.svelte';

// One example (or more) of every kind of route: the mapped type makes a new kind a compile error
// here until it has one, so the round trip below covers every route there is.
const EXAMPLES: { [N in Route['name']]: Extract<Route, { name: N }>[] } = {
  dashboard: [{ name: 'dashboard' }],
  delegations: [{ name: 'delegations' }],
  'delegation-new': [{ name: 'delegation-new' }],
  delegation: DELEGATION_TABS.map((tab) => ({ name: 'delegation', id: 12, tab })),
  'delegation-edit': [{ name: 'delegation-edit', id: 12 }],
  organizations: [{ name: 'organizations' }],
  'organization-new': [{ name: 'organization-new' }],
  organization: [{ name: 'organization', id: 3 }],
  'organization-edit': [{ name: 'organization-edit', id: 3 }],
  people: [{ name: 'people' }],
  'person-new': [{ name: 'person-new' }],
  person: [{ name: 'person', id: 7 }],
  'person-edit': [{ name: 'person-edit', id: 7 }],
  'contacts-import': [{ name: 'contacts-import' }],
  'contacts-duplicates': [{ name: 'contacts-duplicates' }],
  pipeline: [{ name: 'pipeline' }],
  'lead-new': [{ name: 'lead-new' }],
  lead: [{ name: 'lead', id: 6 }],
  'lead-edit': [{ name: 'lead-edit', id: 6 }],
  opportunities: [{ name: 'opportunities' }],
  'opportunity-new': [{ name: 'opportunity-new' }],
  opportunity: [{ name: 'opportunity', id: 2 }],
  'opportunity-edit': [{ name: 'opportunity-edit', id: 2 }],
  briefs: [{ name: 'briefs' }],
  brief: [{ name: 'brief', id: 9 }],
  offices: [{ name: 'offices' }],
  'office-new': [{ name: 'office-new' }],
  office: [{ name: 'office', id: 4 }],
  'office-edit': [{ name: 'office-edit', id: 4 }],
  counsellors: [{ name: 'counsellors' }],
  'counsellor-new': [{ name: 'counsellor-new' }],
  counsellor: [{ name: 'counsellor', id: 5 }],
  'counsellor-edit': [{ name: 'counsellor-edit', id: 5 }],
  exchange: [{ name: 'exchange' }],
  'exchange-outbox': [{ name: 'exchange-outbox' }],
  'exchange-offices': [{ name: 'exchange-offices' }],
  'exchange-preview': [{ name: 'exchange-preview' }],
  received: [{ name: 'received', id: 8 }],
  settings: [{ name: 'settings' }],
  help: [{ name: 'help' }],
  about: [{ name: 'about' }],
  'not-found': [{ name: 'not-found' }],
};

describe('href', () => {
  it('builds a path that parseRoute reads back as the same route, for every kind of route', () => {
    const routes: Route[] = Object.values(EXAMPLES).flat();
    expect(new Set(routes.map((r) => r.name)).size).toBe(Object.keys(EXAMPLES).length);
    for (const route of routes) {
      const link = href(route);
      expect(link.startsWith('#/'), link).toBe(true);
      expect(parseRoute(link.slice(1)), link).toEqual(route);
    }
  });

  it('spells the paths the app has always used (the e2e tests and bookmarks open them)', () => {
    expect(href({ name: 'dashboard' })).toBe('#/');
    expect(href({ name: 'delegation', id: 12, tab: 'overview' })).toBe('#/delegations/12');
    expect(href({ name: 'delegation', id: 12, tab: 'itinerary' })).toBe('#/delegations/12/itinerary');
    expect(href({ name: 'organization-edit', id: 3 })).toBe('#/contacts/organizations/3/edit');
    expect(href({ name: 'counsellor-new' }, { office: 3 })).toBe('#/counsellors/new?office=3');
    expect(href({ name: 'lead', id: 6 })).toBe('#/pipeline/leads/6');
    expect(href({ name: 'lead-new' })).toBe('#/pipeline/leads/new');
    expect(href({ name: 'lead-new' }, { organization: 8 })).toBe('#/pipeline/leads/new?organization=8');
    expect(href({ name: 'received', id: 8 })).toBe('#/exchange/received/8');
    expect(href({ name: 'exchange-preview' }, { path: '/tmp/brief (1).zip' })).toBe(
      '#/exchange/preview?path=%2Ftmp%2Fbrief+%281%29.zip',
    );
  });

  it('adds a query, leaving out absent parameters, which queryOf reads back', () => {
    const path = pathOf({ name: 'delegation', id: 5, tab: 'itinerary' }, { item: 77, focus: null, x: undefined });
    expect(path).toBe('/delegations/5/itinerary?item=77');
    expect(queryOf(path).get('item')).toBe('77');
    expect(pathOf({ name: 'pipeline' }, new URLSearchParams({ owner: 'Lê Hà' }))).toBe('/pipeline?owner=L%C3%AA+H%C3%A0');
    expect(pathOf({ name: 'pipeline' }, new URLSearchParams())).toBe('/pipeline');
  });
});


describe('parseRoute', () => {
  it('names every screen from its path', () => {
    expect(parseRoute('/')).toEqual({ name: 'dashboard' });
    expect(parseRoute('/delegations')).toEqual({ name: 'delegations' });
    expect(parseRoute('/delegations/new')).toEqual({ name: 'delegation-new' });
    expect(parseRoute('/delegations/12')).toEqual({ name: 'delegation', id: 12, tab: 'overview' });
    expect(parseRoute('/delegations/12/members')).toEqual({ name: 'delegation', id: 12, tab: 'members' });
    expect(parseRoute('/delegations/12/itinerary')).toEqual({ name: 'delegation', id: 12, tab: 'itinerary' });
    expect(parseRoute('/delegations/12/documents')).toEqual({ name: 'delegation', id: 12, tab: 'documents' });
    expect(parseRoute('/delegations?status=draft&year=2027')).toEqual({ name: 'delegations' });
    expect(parseRoute('/delegations/12/edit')).toEqual({ name: 'delegation-edit', id: 12 });
    expect(parseRoute('/contacts')).toEqual({ name: 'organizations' });
    expect(parseRoute('/contacts/people/7')).toEqual({ name: 'person', id: 7 });
    expect(parseRoute('/contacts/organizations/3/edit')).toEqual({ name: 'organization-edit', id: 3 });
    expect(parseRoute('/contacts/import')).toEqual({ name: 'contacts-import' });
    expect(parseRoute('/contacts/duplicates')).toEqual({ name: 'contacts-duplicates' });
    expect(sectionOf(parseRoute('/contacts/import'))).toBe('contacts');
    expect(sectionOf(parseRoute('/contacts/duplicates'))).toBe('contacts');
    expect(parseRoute('/opportunities/2')).toEqual({ name: 'opportunity', id: 2 });
    expect(parseRoute('/opportunities/new')).toEqual({ name: 'opportunity-new' });
    expect(parseRoute('/opportunities/2/edit')).toEqual({ name: 'opportunity-edit', id: 2 });
    expect(sectionOf(parseRoute('/opportunities/2/edit'))).toBe('opportunities');
    expect(parseRoute('/pipeline')).toEqual({ name: 'pipeline' });
    expect(parseRoute('/pipeline?owner=L%C3%AA%20H%C3%A0&view=table')).toEqual({ name: 'pipeline' });
    expect(sectionOf(parseRoute('/pipeline'))).toBe('pipeline');
    expect(parseRoute('/pipeline/3')).toEqual({ name: 'not-found' });
    expect(parseRoute('/pipeline/leads/3')).toEqual({ name: 'lead', id: 3 });
    expect(sectionOf(parseRoute('/pipeline/leads/3/edit'))).toBe('pipeline');
    expect(parseRoute('/pipeline/leads')).toEqual({ name: 'not-found' });
    expect(parseRoute('/pipeline/leads/3/delete')).toEqual({ name: 'not-found' });
    // A new lead, from the board or from an organisation's page (which names it in the query).
    expect(parseRoute('/pipeline/leads/new')).toEqual({ name: 'lead-new' });
    expect(parseRoute('/pipeline/leads/new?organization=8')).toEqual({ name: 'lead-new' });
    expect(queryOf('/pipeline/leads/new?organization=8').get('organization')).toBe('8');
    expect(sectionOf(parseRoute('/pipeline/leads/new'))).toBe('pipeline');
    expect(parseRoute('/pipeline/leads/new/edit')).toEqual({ name: 'not-found' });
    expect(parseRoute('/pipeline/new')).toEqual({ name: 'not-found' });
    expect(parseRoute('/briefs')).toEqual({ name: 'briefs' });
    expect(parseRoute('/briefs/4')).toEqual({ name: 'brief', id: 4 });
    expect(parseRoute('/settings')).toEqual({ name: 'settings' });
    expect(parseRoute('/offices')).toEqual({ name: 'offices' });
    expect(parseRoute('/offices/new')).toEqual({ name: 'office-new' });
    expect(parseRoute('/offices/3')).toEqual({ name: 'office', id: 3 });
    expect(parseRoute('/offices/3/edit')).toEqual({ name: 'office-edit', id: 3 });
    expect(parseRoute('/counsellors')).toEqual({ name: 'counsellors' });
    expect(parseRoute('/counsellors/new?office=3')).toEqual({ name: 'counsellor-new' });
    expect(parseRoute('/counsellors/7')).toEqual({ name: 'counsellor', id: 7 });
    expect(parseRoute('/counsellors/7/edit')).toEqual({ name: 'counsellor-edit', id: 7 });
    expect(sectionOf(parseRoute('/counsellors/7'))).toBe('directory');
    expect(sectionOf(parseRoute('/delegations/7/itinerary'))).toBe('delegations');
    expect(parseRoute('/exchange/received/8')).toEqual({ name: 'received', id: 8 });
    expect(parseRoute('/exchange/preview?path=%2Ftmp%2Fa.dpbundle')).toEqual({ name: 'exchange-preview' });
    expect(parseRoute('/exchange/received')).toEqual({ name: 'not-found' });
    expect(parseRoute('/exchange/inbox/2')).toEqual({ name: 'not-found' });
    expect(sectionOf(parseRoute('/exchange/received/8'))).toBe('exchange');
    expect(sectionOf(parseRoute('/exchange/offices'))).toBe('exchange');
  });

  it('keeps one screen across a delegation’s tabs and a list’s query', () => {
    const key = (path: string) => screenKey(parseRoute(path), path);
    expect(key('/delegations/5')).toBe(key('/delegations/5/itinerary'));
    expect(key('/delegations/5')).not.toBe(key('/delegations/6'));
    expect(key('/delegations/5')).not.toBe(key('/delegations/5/edit'));
    expect(key('/delegations?status=draft')).toBe(key('/delegations'));
    expect(queryOf('/counsellors/new?office=3').get('office')).toBe('3');
  });

  it('rejects malformed paths instead of guessing', () => {
    expect(parseRoute('/delegations/abc')).toEqual({ name: 'not-found' });
    expect(parseRoute('/delegations/0')).toEqual({ name: 'not-found' });
    expect(parseRoute('/delegations/5/delete')).toEqual({ name: 'not-found' });
    expect(parseRoute('/nowhere')).toEqual({ name: 'not-found' });
    expect(parseRoute('/contacts/import/3')).toEqual({ name: 'not-found' });
    expect(parseRoute('/briefs/new')).toEqual({ name: 'not-found' });
    expect(parseRoute('/delegations/5/overview')).toEqual({ name: 'not-found' });
    expect(parseRoute('/delegations/5/budget')).toEqual({ name: 'not-found' });
    expect(parseRoute('/delegations/new/members')).toEqual({ name: 'not-found' });
    expect(sectionOf(parseRoute('/contacts/people/new'))).toBe('contacts');
    expect(sectionOf({ name: 'not-found' })).toBeNull();
  });
});
