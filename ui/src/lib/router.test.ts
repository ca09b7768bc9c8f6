import { describe, expect, it } from 'vitest';
import { parseRoute, queryOf, screenKey, sectionOf } from './router.svelte';

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
