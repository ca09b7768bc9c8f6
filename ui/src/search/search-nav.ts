// Where a search hit leads, and its detail line as people read it.

import type { SearchHit, UiLanguage } from '../lib/bindings.gen';
import type { RecordOf } from '../lib/api';
import { INTERACTION_KINDS, isOneOf, LEAD_STAGES } from '../lib/enums';
import { formatDate } from '../lib/format';
import { label } from '../lib/i18n/index.svelte';
import { INTERACTION_KIND, LEAD_STAGE } from '../lib/labels.gen';
import { pathOf } from '../lib/router.svelte';

/**
 * The in-app path of a hit's page. Kinds without a page of their own come with the core's
 * `parent`: an itinerary item opens its delegation's itinerary tab, an interaction its organisation's timeline (else its first person's, else its delegation). Null
 * when the hit leads nowhere (an interaction tied to no organisation, person or delegation).
 */
export function pathOfHit(hit: SearchHit): string | null {
  switch (hit.kind) {
    case 'organizations':
      return pathOf({ name: 'organization', id: hit.id });
    case 'contacts':
      return pathOf({ name: 'person', id: hit.id });
    case 'delegations':
      return pathOf({ name: 'delegation', id: hit.id, tab: 'overview' });
    case 'opportunities':
      return pathOf({ name: 'opportunity', id: hit.id });
    case 'leads':
      return pathOf({ name: 'lead', id: hit.id });
    default:
      return pathInParent(hit);
  }
}

function pathInParent(hit: SearchHit): string | null {
  const p = hit.parent;
  if (p === null) return null;
  const param = hit.kind === 'itinerary-items' ? 'item' : 'interaction';
  switch (p.kind) {
    case 'delegations':
      return hit.kind === 'itinerary-items'
        ? pathOf({ name: 'delegation', id: p.id, tab: 'itinerary' }, { item: hit.id })
        : pathOf({ name: 'delegation', id: p.id, tab: 'overview' });
    case 'organizations':
      return pathOf({ name: 'organization', id: p.id }, { [param]: hit.id });
    case 'contacts':
      return pathOf({ name: 'person', id: p.id }, { [param]: hit.id });
    default:
      return null;
  }
}

/**
 * Where an interaction is shown: its organisation's timeline, else its first attendee's, else its
 * delegation (null when it is tied to none of them).
 */
export function pathOfInteraction(i: RecordOf<'interactions'>): string | null {
  if (i.organization_id !== null) return pathOf({ name: 'organization', id: i.organization_id }, { interaction: i.id });
  if (i.contact_ids.length > 0) return pathOf({ name: 'person', id: i.contact_ids[0] }, { interaction: i.id });
  if (i.delegation_id !== null) return pathOf({ name: 'delegation', id: i.delegation_id, tab: 'overview' });
  return null;
}

/**
 * The core's detail line ("site_visit · Lê Hà · Gửi hồ sơ", "meeting · 2026-02-10") with stage
 * and kind codes named and dates written the officer's way.
 */
export function hitDetail(hit: SearchHit, lang: UiLanguage): string {
  return hit.detail
    .split(' · ')
    .map((part) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(part)) return formatDate(part, lang);
      if (hit.kind === 'leads' && isOneOf(LEAD_STAGES, part)) return label(LEAD_STAGE, part);
      if (hit.kind === 'interactions' && isOneOf(INTERACTION_KINDS, part)) return label(INTERACTION_KIND, part);
      return part;
    })
    .join(' · ');
}
