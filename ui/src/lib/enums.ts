// The values of each generated enum type, in display order. Written as `Record<Enum, true>` so the
// compiler rejects a value missing from, or not in, the Rust enum (through bindings.gen.ts).

import type {
  AudienceKind,
  BilingualLayout,
  BriefLanguage,
  BriefSection,
  ConsentBasis,
  DelegationKind,
  DelegationStatus,
  EntityKind,
  ImportFormat,
  InteractionKind,
  ItineraryKind,
  LeadStage,
  MemberRole,
  OpportunityKind,
  OpportunityStatus,
  OrganizationKind,
  OrganizationSize,
  Paper,
  Target,
  VisaStatus,
} from './bindings.gen';

function valuesOf<T extends string>(all: Record<T, true>): T[] {
  return Object.keys(all) as T[];
}

export const ENTITY_KINDS = valuesOf<EntityKind>({
  offices: true,
  counsellors: true,
  organizations: true,
  contacts: true,
  delegations: true,
  members: true,
  'itinerary-items': true,
  interactions: true,
  leads: true,
  opportunities: true,
  briefs: true,
});

export const DELEGATION_KINDS = valuesOf<DelegationKind>({ outbound: true, inbound: true });

export const DELEGATION_STATUSES = valuesOf<DelegationStatus>({
  draft: true,
  proposed: true,
  approved: true,
  confirmed: true,
  completed: true,
  reported: true,
  cancelled: true,
});

export const MEMBER_ROLES = valuesOf<MemberRole>({
  head: true,
  member: true,
  interpreter: true,
  counsellor: true,
  liaison: true,
  security: true,
});

export const VISA_STATUSES = valuesOf<VisaStatus>({
  not_required: true,
  pending: true,
  issued: true,
  refused: true,
});

export const ITINERARY_KINDS = valuesOf<ItineraryKind>({
  meeting: true,
  site_visit: true,
  conference: true,
  travel: true,
  meal: true,
  free: true,
});

export const ORGANIZATION_KINDS = valuesOf<OrganizationKind>({
  investor: true,
  government: true,
  association: true,
  other: true,
});

export const ORGANIZATION_SIZES = valuesOf<OrganizationSize>({
  unknown: true,
  small: true,
  medium: true,
  large: true,
  multinational: true,
});

export const CONSENT_BASES = valuesOf<ConsentBasis>({
  unknown: true,
  consent: true,
  contract: true,
  legal_obligation: true,
  public_interest: true,
});

export const LEAD_STAGES = valuesOf<LeadStage>({
  lead: true,
  contacted: true,
  meeting: true,
  site_visit: true,
  mou: true,
  licensed: true,
  aftercare: true,
  lost: true,
});

export const INTERACTION_KINDS = valuesOf<InteractionKind>({
  meeting: true,
  call: true,
  email: true,
  site_visit: true,
  event: true,
  note: true,
});

export const OPPORTUNITY_KINDS = valuesOf<OpportunityKind>({
  hitech_zone: true,
  industrial_cluster: true,
  industrial_zone: true,
  logistics_centre: true,
  wholesale_market: true,
  fdi_project: true,
});

export const OPPORTUNITY_STATUSES = valuesOf<OpportunityStatus>({
  open: true,
  preparing: true,
  operating: true,
  closed: true,
});

export const BRIEF_LANGUAGES = valuesOf<BriefLanguage>({ vi: true, en: true, bi: true });

export const AUDIENCE_KINDS = valuesOf<AudienceKind>({
  delegation: true,
  organization: true,
  sector: true,
});

export const BILINGUAL_LAYOUTS = valuesOf<BilingualLayout>({ side_by_side: true, sequential: true });

export const PAPERS = valuesOf<Paper>({ a4: true, letter: true });

/** Every part of a brief, in the order a brief prints them. */
export const BRIEF_SECTIONS = valuesOf<BriefSection>({
  cover: true,
  summary: true,
  at_a_glance: true,
  opportunity_table: true,
  opportunity_pages: true,
  incentives: true,
  how_to_invest: true,
  contacts: true,
});

/** The kinds of contact file the import reads. */
export const IMPORT_FORMATS = valuesOf<ImportFormat>({ csv: true, google: true, outlook: true, vcard: true });

/** Where a column of an imported file may go, in the order the mapping menu lists them. */
export const IMPORT_TARGETS = valuesOf<Target>({
  full_name: true,
  given_name: true,
  family_name: true,
  title: true,
  organization: true,
  email: true,
  email_label: true,
  phone: true,
  phone_label: true,
  language: true,
  nationality: true,
  notes: true,
  consent_basis: true,
  consent_date: true,
  consent_source: true,
  uuid: true,
  ignore: true,
});

/** Is `value` one of `values`? Narrows a plain string (e.g. from the dashboard) to the enum. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
