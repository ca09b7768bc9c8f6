// Where a search hit leads, and its detail line as people read it.

import type { SearchHit, UiLanguage } from '../lib/bindings.gen';
import { getRecord, type RecordOf } from '../lib/api';
import { INTERACTION_KINDS, isOneOf, LEAD_STAGES } from '../lib/enums';
import { formatDate } from '../lib/format';
import { t } from '../lib/i18n/index.svelte';

/**
 * The in-app path of a hit's page. A hit carries only its kind and id, so for an itinerary item
 * (its delegation's itinerary tab), a lead and an interaction (their organisation's page, or the
 * person's when the interaction has no organisation) the record is read first. Null when the
 * record leads nowhere (an interaction tied to no organisation, person or delegation).
 */
export async function pathOfHit(hit: SearchHit): Promise<string | null> {
  switch (hit.kind) {
    case 'organizations':
      return `/contacts/organizations/${hit.id}`;
    case 'contacts':
      return `/contacts/people/${hit.id}`;
    case 'delegations':
      return `/delegations/${hit.id}`;
    case 'opportunities':
      return `/opportunities/${hit.id}`;
    case 'itinerary-items': {
      const item = await getRecord('itinerary-items', hit.id);
      return `/delegations/${item.delegation_id}/itinerary?item=${hit.id}`;
    }
    case 'leads': {
      const lead = await getRecord('leads', hit.id);
      return `/contacts/organizations/${lead.organization_id}?lead=${hit.id}`;
    }
    case 'interactions':
      return pathOfInteraction(await getRecord('interactions', hit.id));
    default:
      return null;
  }
}

/**
 * Where an interaction is shown: its organisation's timeline, else its first attendee's, else its
 * delegation (null when it is tied to none of them).
 */
export function pathOfInteraction(i: RecordOf<'interactions'>): string | null {
  if (i.organization_id !== null) return `/contacts/organizations/${i.organization_id}?interaction=${i.id}`;
  if (i.contact_ids.length > 0) return `/contacts/people/${i.contact_ids[0]}?interaction=${i.id}`;
  if (i.delegation_id !== null) return `/delegations/${i.delegation_id}`;
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
      if (hit.kind === 'leads' && isOneOf(LEAD_STAGES, part)) return t(`leadStage.${part}`);
      if (hit.kind === 'interactions' && isOneOf(INTERACTION_KINDS, part)) return t(`interactionKind.${part}`);
      return part;
    })
    .join(' · ');
}
