// A small hash router: the path after '#' (e.g. "#/delegations/12") names the screen.
// Hash routing needs nothing from the server, which suits a page served by Tauri.
// Every way to another page (navigate, links, Back) asks first while a form has unsaved changes.

import { hasUnsavedChanges, mayLeave } from './unsaved.svelte';

export type Section =
  | 'dashboard'
  | 'delegations'
  | 'contacts'
  | 'pipeline'
  | 'opportunities'
  | 'briefs'
  | 'directory'
  | 'exchange'
  | 'settings'
  | 'help'
  | 'about';

/** The tabs of a delegation's page (`#/delegations/12/itinerary`; the overview has no suffix). */
export const DELEGATION_TABS = ['overview', 'members', 'itinerary', 'documents'] as const;
export type DelegationTab = (typeof DELEGATION_TABS)[number];

export type Route =
  | { name: 'dashboard' }
  | { name: 'delegations' }
  | { name: 'delegation-new' }
  | { name: 'delegation'; id: number; tab: DelegationTab }
  | { name: 'delegation-edit'; id: number }
  | { name: 'organizations' }
  | { name: 'organization-new' }
  | { name: 'organization'; id: number }
  | { name: 'organization-edit'; id: number }
  | { name: 'people' }
  | { name: 'person-new' }
  | { name: 'person'; id: number }
  | { name: 'person-edit'; id: number }
  | { name: 'contacts-import' }
  | { name: 'contacts-duplicates' }
  | { name: 'pipeline' }
  | { name: 'lead-new' }
  | { name: 'lead'; id: number }
  | { name: 'lead-edit'; id: number }
  | { name: 'opportunities' }
  | { name: 'opportunity-new' }
  | { name: 'opportunity'; id: number }
  | { name: 'opportunity-edit'; id: number }
  | { name: 'briefs' }
  | { name: 'brief'; id: number }
  | { name: 'offices' }
  | { name: 'office-new' }
  | { name: 'office'; id: number }
  | { name: 'office-edit'; id: number }
  | { name: 'counsellors' }
  | { name: 'counsellor-new' }
  | { name: 'counsellor'; id: number }
  | { name: 'counsellor-edit'; id: number }
  | { name: 'exchange' }
  | { name: 'exchange-outbox' }
  | { name: 'exchange-offices' }
  | { name: 'exchange-preview' }
  | { name: 'received'; id: number }
  | { name: 'settings' }
  | { name: 'help' }
  | { name: 'about' }
  | { name: 'not-found' };

function positiveId(segment: string | undefined): number | null {
  if (!segment || !/^\d+$/.test(segment)) return null;
  const id = Number(segment);
  return id > 0 ? id : null;
}

type Crud = { list: Route; create: Route; one: (id: number) => Route; edit: (id: number) => Route };

// "", "new", "ID" or "ID/edit" below a list path.
function crud(rest: string[], r: Crud): Route {
  if (rest.length === 0) return r.list;
  if (rest.length === 1 && rest[0] === 'new') return r.create;
  const id = positiveId(rest[0]);
  if (id === null) return { name: 'not-found' };
  if (rest.length === 1) return r.one(id);
  if (rest.length === 2 && rest[1] === 'edit') return r.edit(id);
  return { name: 'not-found' };
}

function isDelegationTab(segment: string | undefined): segment is DelegationTab {
  return (DELEGATION_TABS as readonly string[]).includes(segment ?? '');
}

// The Exchange screen: the Inbox ("/exchange"), the Outbox, the trusted offices, a received brief
// ("/exchange/received/ID") and the preview of a file about to be imported ("?path=" names it).
function exchangeRoute(rest: string[]): Route {
  const [part, ...more] = rest;
  if (part === undefined) return { name: 'exchange' };
  if (more.length === 0 && part === 'outbox') return { name: 'exchange-outbox' };
  if (more.length === 0 && part === 'offices') return { name: 'exchange-offices' };
  if (more.length === 0 && part === 'preview') return { name: 'exchange-preview' };
  const id = more.length === 1 && part === 'received' ? positiveId(more[0]) : null;
  return id === null ? { name: 'not-found' } : { name: 'received', id };
}

/** The route of a path such as "/delegations/12/edit". */
export function parseRoute(path: string): Route {
  const segments = path.split('?')[0].split('/').filter((s) => s !== '');
  const [head, ...rest] = segments;
  switch (head) {
    case undefined:
    case 'dashboard':
      return rest.length === 0 ? { name: 'dashboard' } : { name: 'not-found' };
    case 'delegations': {
      const id = positiveId(rest[0]);
      if (id !== null && rest.length === 2 && rest[1] !== 'overview' && isDelegationTab(rest[1])) {
        return { name: 'delegation', id, tab: rest[1] };
      }
      return crud(rest, {
        list: { name: 'delegations' },
        create: { name: 'delegation-new' },
        one: (id) => ({ name: 'delegation', id, tab: 'overview' }),
        edit: (id) => ({ name: 'delegation-edit', id }),
      });
    }
    case 'offices':
      return crud(rest, {
        list: { name: 'offices' },
        create: { name: 'office-new' },
        one: (id) => ({ name: 'office', id }),
        edit: (id) => ({ name: 'office-edit', id }),
      });
    case 'counsellors':
      return crud(rest, {
        list: { name: 'counsellors' },
        create: { name: 'counsellor-new' },
        one: (id) => ({ name: 'counsellor', id }),
        edit: (id) => ({ name: 'counsellor-edit', id }),
      });
    case 'contacts': {
      const [tab, ...more] = rest;
      if (tab === undefined || (tab === 'organizations' && more.length === 0))
        return { name: 'organizations' };
      if (tab === 'organizations')
        return crud(more, {
          list: { name: 'organizations' },
          create: { name: 'organization-new' },
          one: (id) => ({ name: 'organization', id }),
          edit: (id) => ({ name: 'organization-edit', id }),
        });
      if (tab === 'import' && more.length === 0) return { name: 'contacts-import' };
      if (tab === 'duplicates' && more.length === 0) return { name: 'contacts-duplicates' };
      if (tab === 'people')
        return crud(more, {
          list: { name: 'people' },
          create: { name: 'person-new' },
          one: (id) => ({ name: 'person', id }),
          edit: (id) => ({ name: 'person-edit', id }),
        });
      return { name: 'not-found' };
    }
    case 'pipeline': {
      if (rest.length === 0) return { name: 'pipeline' };
      // A lead: "/pipeline/leads/new" (with "?organization=ID" from that organisation's page),
      // "/pipeline/leads/ID" and "/edit". The board is the list: "/pipeline/leads" is nothing.
      const [leads, ...more] = rest;
      if (leads !== 'leads' || more.length === 0) return { name: 'not-found' };
      return crud(more, {
        list: { name: 'not-found' },
        create: { name: 'lead-new' },
        one: (id) => ({ name: 'lead', id }),
        edit: (id) => ({ name: 'lead-edit', id }),
      });
    }
    case 'opportunities':
      return crud(rest, {
        list: { name: 'opportunities' },
        create: { name: 'opportunity-new' },
        one: (id) => ({ name: 'opportunity', id }),
        edit: (id) => ({ name: 'opportunity-edit', id }),
      });
    case 'briefs': {
      if (rest.length === 0) return { name: 'briefs' };
      const id = rest.length === 1 ? positiveId(rest[0]) : null;
      return id === null ? { name: 'not-found' } : { name: 'brief', id };
    }
    case 'exchange':
      return exchangeRoute(rest);
    case 'settings':
    case 'help':
    case 'about':
      return rest.length === 0 ? { name: head } : { name: 'not-found' };
    default:
      return { name: 'not-found' };
  }
}

/** The navigation entry a route belongs to (highlighted in the sidebar, named in the header). */
export function sectionOf(route: Route): Section | null {
  switch (route.name) {
    case 'dashboard':
      return 'dashboard';
    case 'delegations':
    case 'delegation-new':
    case 'delegation':
    case 'delegation-edit':
      return 'delegations';
    case 'organizations':
    case 'organization-new':
    case 'organization':
    case 'organization-edit':
    case 'people':
    case 'person-new':
    case 'person':
    case 'person-edit':
    case 'contacts-import':
    case 'contacts-duplicates':
      return 'contacts';
    case 'pipeline':
    case 'lead-new':
    case 'lead':
    case 'lead-edit':
      return 'pipeline';
    case 'opportunities':
    case 'opportunity-new':
    case 'opportunity':
    case 'opportunity-edit':
      return 'opportunities';
    case 'briefs':
    case 'brief':
      return 'briefs';
    case 'offices':
    case 'office-new':
    case 'office':
    case 'office-edit':
    case 'counsellors':
    case 'counsellor-new':
    case 'counsellor':
    case 'counsellor-edit':
      return 'directory';
    case 'exchange':
    case 'exchange-outbox':
    case 'exchange-offices':
    case 'exchange-preview':
    case 'received':
      return 'exchange';
    case 'settings':
      return 'settings';
    case 'help':
      return 'help';
    case 'about':
      return 'about';
    case 'not-found':
      return null;
  }
}

/** The query part of a path ("/delegations?status=draft" → its parameters). */
export function queryOf(path: string): URLSearchParams {
  const at = path.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : path.slice(at + 1));
}

/**
 * What identifies the screen on show: switching a delegation's tab or changing a list's query
 * keeps the same screen (and its loaded data); any other path, or another file in the preview's
 * query, is a new screen.
 */
export function screenKey(route: Route, path: string): string {
  if (route.name === 'delegation') return `delegation/${route.id}`;
  // Another file to preview (dropped on the window while one is shown) is another screen.
  if (route.name === 'exchange-preview') return path;
  return path.split('?')[0];
}

function currentPath(): string {
  if (typeof location === 'undefined') return '/';
  return location.hash.replace(/^#/, '') || '/';
}

/** The current path; components read `router.path` and follow it. */
export const router = $state({ path: currentPath() });

/** Follows the location's hash; returns the function that stops following it. */
export function startRouter(): () => void {
  // Back, Forward or a typed address: the hash has already changed. With unsaved changes the
  // form's address is put back at once (a new entry: the one left cannot be restored in place)
  // and the page changes only if they are discarded.
  const sync = () => {
    const path = currentPath();
    if (path === router.path) return;
    if (!hasUnsavedChanges()) {
      router.path = path;
      return;
    }
    history.pushState(history.state, '', `#${router.path}`);
    void mayLeave().then((discard) => {
      if (discard) navigate(path);
    });
  };
  // A link to another page is held before the browser follows it, and followed once allowed.
  const onClick = (event: MouseEvent) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
    const path = link?.getAttribute('href')?.slice(1);
    if (path === undefined || path === router.path || !hasUnsavedChanges()) return;
    event.preventDefault();
    navigate(path || '/');
  };
  router.path = currentPath();
  window.addEventListener('hashchange', sync);
  document.addEventListener('click', onClick, true);
  return () => {
    window.removeEventListener('hashchange', sync);
    document.removeEventListener('click', onClick, true);
  };
}

/** A path's query parameters; absent ones (null, undefined) are left out. */
export type Query = Record<string, string | number | null | undefined>;

// The path of each route: the one place that spells them, which `parseRoute` reads back
// (router.test.ts round-trips every kind).
function routePath(route: Route): string {
  switch (route.name) {
    case 'dashboard':
      return '/';
    case 'delegations':
      return '/delegations';
    case 'delegation-new':
      return '/delegations/new';
    case 'delegation':
      return route.tab === 'overview' ? `/delegations/${route.id}` : `/delegations/${route.id}/${route.tab}`;
    case 'delegation-edit':
      return `/delegations/${route.id}/edit`;
    case 'organizations':
      return '/contacts/organizations';
    case 'organization-new':
      return '/contacts/organizations/new';
    case 'organization':
      return `/contacts/organizations/${route.id}`;
    case 'organization-edit':
      return `/contacts/organizations/${route.id}/edit`;
    case 'people':
      return '/contacts/people';
    case 'person-new':
      return '/contacts/people/new';
    case 'person':
      return `/contacts/people/${route.id}`;
    case 'person-edit':
      return `/contacts/people/${route.id}/edit`;
    case 'contacts-import':
      return '/contacts/import';
    case 'contacts-duplicates':
      return '/contacts/duplicates';
    case 'pipeline':
      return '/pipeline';
    case 'lead-new':
      return '/pipeline/leads/new';
    case 'lead':
      return `/pipeline/leads/${route.id}`;
    case 'lead-edit':
      return `/pipeline/leads/${route.id}/edit`;
    case 'opportunities':
      return '/opportunities';
    case 'opportunity-new':
      return '/opportunities/new';
    case 'opportunity':
      return `/opportunities/${route.id}`;
    case 'opportunity-edit':
      return `/opportunities/${route.id}/edit`;
    case 'briefs':
      return '/briefs';
    case 'brief':
      return `/briefs/${route.id}`;
    case 'offices':
      return '/offices';
    case 'office-new':
      return '/offices/new';
    case 'office':
      return `/offices/${route.id}`;
    case 'office-edit':
      return `/offices/${route.id}/edit`;
    case 'counsellors':
      return '/counsellors';
    case 'counsellor-new':
      return '/counsellors/new';
    case 'counsellor':
      return `/counsellors/${route.id}`;
    case 'counsellor-edit':
      return `/counsellors/${route.id}/edit`;
    case 'exchange':
      return '/exchange';
    case 'exchange-outbox':
      return '/exchange/outbox';
    case 'exchange-offices':
      return '/exchange/offices';
    case 'exchange-preview':
      return '/exchange/preview';
    case 'received':
      return `/exchange/received/${route.id}`;
    case 'settings':
      return '/settings';
    case 'help':
      return '/help';
    case 'about':
      return '/about';
    case 'not-found':
      return '/not-found';
  }
}

/** The in-app path of a route with its query ("/delegations/5/itinerary?item=77"), for `navigate`. */
export function pathOf(route: Route, query: Query | URLSearchParams = {}): string {
  const params =
    query instanceof URLSearchParams
      ? query
      : new URLSearchParams(
          Object.entries(query)
            .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
            .map(([k, v]) => [k, String(v)]),
        );
  const text = params.toString();
  return text ? `${routePath(route)}?${text}` : routePath(route);
}

/** The href of a route, for links ("#/delegations/12"). */
export function href(route: Route, query?: Query | URLSearchParams): string {
  return hrefOfPath(pathOf(route, query));
}

/** The href of a path made by `pathOf` and kept (a list as last shown, a search hit's place). */
export function hrefOfPath(path: string): string {
  return `#${path}`;
}

/** The delegation list as last shown (with its filters), for the way back from a delegation. */
export const lastList = { delegations: pathOf({ name: 'delegations' }) };

/** Shows `path` in the address without a new history entry (a list's filters, a tab). */
export function replacePath(path: string): void {
  router.path = path;
  if (typeof history !== 'undefined' && location.hash !== `#${path}`) history.replaceState(history.state, '', `#${path}`);
}

/**
 * Goes to an in-app path (adds a history entry, so Back works). With unsaved changes on screen
 * it asks first (unsaved.svelte.ts) and goes only if they are discarded.
 */
export function navigate(path: string): void {
  if (path === router.path || !hasUnsavedChanges()) {
    go(path);
    return;
  }
  void mayLeave().then((discard) => {
    if (discard) go(path);
  });
}

function go(path: string): void {
  router.path = path;
  if (location.hash !== `#${path}`) location.hash = path;
}
