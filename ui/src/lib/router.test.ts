import { describe, expect, it } from 'vitest';
import { parseRoute, sectionOf } from './router.svelte';

describe('parseRoute', () => {
  it('names every screen from its path', () => {
    expect(parseRoute('/')).toEqual({ name: 'dashboard' });
    expect(parseRoute('/delegations')).toEqual({ name: 'delegations' });
    expect(parseRoute('/delegations/new')).toEqual({ name: 'delegation-new' });
    expect(parseRoute('/delegations/12')).toEqual({ name: 'delegation', id: 12 });
    expect(parseRoute('/delegations/12/edit')).toEqual({ name: 'delegation-edit', id: 12 });
    expect(parseRoute('/contacts')).toEqual({ name: 'organizations' });
    expect(parseRoute('/contacts/people/7')).toEqual({ name: 'person', id: 7 });
    expect(parseRoute('/contacts/organizations/3/edit')).toEqual({ name: 'organization-edit', id: 3 });
    expect(parseRoute('/opportunities/2')).toEqual({ name: 'opportunity', id: 2 });
    expect(parseRoute('/opportunities/new')).toEqual({ name: 'opportunity-new' });
    expect(parseRoute('/opportunities/2/edit')).toEqual({ name: 'opportunity-edit', id: 2 });
    expect(sectionOf(parseRoute('/opportunities/2/edit'))).toBe('opportunities');
    expect(parseRoute('/briefs')).toEqual({ name: 'briefs' });
    expect(parseRoute('/briefs/4')).toEqual({ name: 'brief', id: 4 });
    expect(parseRoute('/settings')).toEqual({ name: 'settings' });
  });

  it('rejects malformed paths instead of guessing', () => {
    expect(parseRoute('/delegations/abc')).toEqual({ name: 'not-found' });
    expect(parseRoute('/delegations/0')).toEqual({ name: 'not-found' });
    expect(parseRoute('/delegations/5/delete')).toEqual({ name: 'not-found' });
    expect(parseRoute('/nowhere')).toEqual({ name: 'not-found' });
    expect(parseRoute('/briefs/new')).toEqual({ name: 'not-found' });
    expect(sectionOf(parseRoute('/contacts/people/new'))).toBe('contacts');
    expect(sectionOf({ name: 'not-found' })).toBeNull();
  });
});
