// Generated from Rust by planner-core (src/bindings.rs). Do not edit by hand:
// run `UPDATE_BINDINGS=1 cargo test -p planner-core bindings` after changing a type.

/** Any JSON value (audit changes carry the fields' before/after values). */
export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]?: JsonValue } | null;

export type EntityKind = "offices" | "counsellors" | "organizations" | "contacts" | "delegations" | "members" | "itinerary-items" | "interactions" | "leads" | "opportunities" | "briefs";

export type FieldError = { field: string, code: string, message_vi: string, message_en: string, };

export type LinkKind = "website" | "email" | "phone";

export type ChangedElsewhere = { 
/**
 * The stored record now, with its current `revision`.
 */
current: JsonValue, fields: Array<string>, };

export type ErrorPayload = { code: string, message_vi: string, message_en: string, fields: Array<FieldError>, 
/**
 * For `changed_elsewhere`: the record now and the fields that differ.
 */
changed?: ChangedElsewhere, };

export type Meta = { 
/**
 * Local key, stable within one store.
 */
id: number, 
/**
 * Stable identity across stores (exchange between offices).
 */
uuid: string, created_at: string, updated_at: string, 
/**
 * 1 when created, incremented by each change; an update or delete may name the revision
 * it was based on (`store::revisions`).
 */
revision: number, };

export type FilterOp = "eq" | "prefix";

export type Filter = { field: string, value: string, op?: FilterOp, };

export type ListQuery = { filters: Array<Filter>, 
/**
 * A field name; `id` when absent.
 */
sort: string | null, 
/**
 * A field a record sorts by where its `sort` field is empty, so that a list sorts by the
 * name it shows (`name_en`, else `name_vi`, in English).
 */
sort_else: string | null, descending: boolean, 
/**
 * At most this many records (all when absent).
 */
limit: number | null, offset: number, };

export type Page<T> = { items: Array<T>, total: number, offset: number, limit: number | null, };

export type Labelled = { label: string, value: string, };

export type Office = { name_vi: string, name_en: string | null, 
/**
 * ISO 3166-1 alpha-2.
 */
country: string, city: string, 
/**
 * IANA zone, e.g. `Asia/Tokyo`.
 */
time_zone: string, address: string | null, phone: string | null, email: string | null, languages: Array<string>, notes: string | null, };

export type Counsellor = { office_id: number, full_name: string, title: string | null, email: string | null, phone: string | null, languages: Array<string>, notes: string | null, };

export type OrganizationKind = "investor" | "government" | "association" | "other";

export type OrganizationSize = "unknown" | "small" | "medium" | "large" | "multinational";

export type Organization = { kind: OrganizationKind, name_vi: string, name_en: string | null, 
/**
 * ISO 3166-1 alpha-2.
 */
country: string, city: string | null, sectors: Array<string>, size: OrganizationSize, website: string | null, notes: string | null, };

export type ConsentBasis = "unknown" | "consent" | "contract" | "legal_obligation" | "public_interest";

export type Contact = { full_name: string, title: string | null, organization_id: number | null, emails: Array<Labelled>, phones: Array<Labelled>, languages: Array<string>, 
/**
 * ISO 3166-1 alpha-2.
 */
nationality: string | null, notes: string | null, consent_basis: ConsentBasis, consent_date: string | null, consent_source: string | null, };

export type DelegationKind = "outbound" | "inbound";

export type DelegationStatus = "draft" | "proposed" | "approved" | "confirmed" | "completed" | "reported" | "cancelled";

export type Delegation = { kind: DelegationKind, title: string, purpose: string | null, 
/**
 * ISO 3166-1 alpha-2.
 */
destination_country: string, destination_city: string | null, 
/**
 * IANA zone of the destination; the itinerary is entered in it by default.
 */
time_zone: string, start_date: string | null, end_date: string | null, status: DelegationStatus, lead_officer: string | null, counsellor_id: number | null, 
/**
 * Budget in minor units of `budget_currency`.
 */
budget_minor: number | null, budget_currency: string | null, sectors: Array<string>, approved_by: string | null, approved_at: string | null, notes: string | null, };

export type MemberRole = "head" | "member" | "interpreter" | "counsellor" | "liaison" | "security";

export type VisaStatus = "not_required" | "pending" | "issued" | "refused";

export type Member = { delegation_id: number, contact_id: number | null, staff_name: string | null, role: MemberRole, passport_number: string | null, passport_expiry: string | null, visa_status: VisaStatus, dietary_notes: string | null, protocol_notes: string | null, };

export type ItineraryKind = "meeting" | "site_visit" | "conference" | "travel" | "meal" | "free";

export type ItineraryItem = { delegation_id: number, kind: ItineraryKind, title: string, starts_at: string, ends_at: string, 
/**
 * IANA zone the start was entered in (the departure zone of a travel leg).
 */
time_zone: string, 
/**
 * IANA zone of the end, when it differs (the arrival zone of a travel leg).
 */
end_time_zone: string | null, venue: string | null, address: string | null, organization_id: number | null, counsellor_id: number | null, contact_ids: Array<number>, 
/**
 * Delegation members attending (ids of `Member`).
 */
attendee_ids: Array<number>, notes: string | null, 
/**
 * The local start the officer typed, kept when a clock change did not let the start or the
 * end be taken as typed (it did not exist, or occurred twice: `time::place_local`).
 */
entered_start: string | null, 
/**
 * The local end the officer typed, kept with `entered_start`.
 */
entered_end: string | null, };

export type InteractionKind = "meeting" | "call" | "email" | "site_visit" | "event" | "note";

export type Interaction = { occurred_at: string, kind: InteractionKind, summary: string, organization_id: number | null, contact_ids: Array<number>, delegation_id: number | null, itinerary_item_id: number | null, notes: string | null, };

export type LeadStage = "lead" | "contacted" | "meeting" | "site_visit" | "mou" | "licensed" | "aftercare" | "lost";

export type Lead = { organization_id: number, title: string, stage: LeadStage, lost_reason: string | null, sectors: Array<string>, 
/**
 * Expected capital in minor units (cents) of `expected_capital_currency`.
 */
expected_capital_minor: number | null, expected_capital_currency: string, jobs: number | null, 
/**
 * The officer who owns the lead.
 */
owner: string | null, next_action: string | null, due_at: string | null, notes: string | null, };

export type OpportunityKind = "hitech_zone" | "industrial_cluster" | "industrial_zone" | "logistics_centre" | "wholesale_market" | "fdi_project";

export type OpportunityStatus = "open" | "preparing" | "operating" | "closed";

export type KeyFigure = { label_vi: string, label_en: string, value: string, source: string, source_date: string | null, };

export type Opportunity = { kind: OpportunityKind, name_vi: string, name_en: string | null, summary_vi: string | null, summary_en: string | null, location: string, area_ha: number | null, sectors: Array<string>, status: OpportunityStatus, 
/**
 * Indicative land rent range in minor units of `land_rent_currency`, per `land_rent_unit`.
 */
land_rent_min_minor: number | null, land_rent_max_minor: number | null, land_rent_currency: string | null, land_rent_unit: string | null, incentives_vi: string | null, incentives_en: string | null, infrastructure: string | null, contact: string | null, key_figures: Array<KeyFigure>, 
/**
 * Where the figures come from, and as of when.
 */
source: string, source_date: string | null, notes: string | null, };

export type BriefLanguage = "vi" | "en" | "bi";

export type AudienceKind = "delegation" | "organization" | "sector";

export type BilingualLayout = "side_by_side" | "sequential";

export type Paper = "a4" | "letter";

export type Brief = { title: string, language: BriefLanguage, audience_kind: AudienceKind, delegation_id: number | null, organization_id: number | null, sector: string | null, 
/**
 * ISO 3166-1 alpha-2, with a sector audience.
 */
country: string | null, opportunity_ids: Array<number>, sections: Array<string>, include_personal_data: boolean, version: number, file_name: string | null, 
/**
 * Lower-case hex SHA-256 of the generated file.
 */
file_sha256: string | null, generated_at: string | null, notes: string | null, layout: BilingualLayout, paper: Paper, };

export type Bilingual = { vi: string, en: string, };

export type Sector = { tag: string, name: Bilingual, added: boolean, from_free_text: boolean, };

export type BriefBlock = { "type": "heading", level: number, text: Bilingual, } | { "type": "paragraph", text: Bilingual, } | { "type": "facts", rows: Array<[Bilingual, Bilingual]>, } | { "type": "table", columns: Array<Bilingual>, weights: Array<number>, rows: Array<Array<Bilingual>>, } | { "type": "bar_chart", title: Bilingual, unit: Bilingual, points: Array<[Bilingual, number]>, } | { "type": "pie_chart", title: Bilingual, points: Array<[Bilingual, number]>, } | { "type": "bullets", items: Array<Bilingual>, } | { "type": "note", text: Bilingual, } | { "type": "source", text: Bilingual, } | { "type": "image", image_id: number, caption: Bilingual, } | { "type": "page_break" };

export type BriefModel = { title: Bilingual, subtitle: Bilingual, author: string, language: BriefLanguage, layout: BilingualLayout, paper: Paper, 
/**
 * The generation instant (RFC 3339); also the PDF's creation date.
 */
generated_at: string, version: number, include_personal_data: boolean, opportunity_ids: Array<number>, blocks: Array<BriefBlock>, };

export type Audience = { "kind": "delegation", id: number, } | { "kind": "organization", id: number, } | { "kind": "sector", sector: string, country: string | null, };

export type BriefSection = "cover" | "summary" | "at_a_glance" | "opportunity_table" | "opportunity_pages" | "incentives" | "how_to_invest" | "contacts";

export type BriefRequest = { audience: Audience, language: BriefLanguage, layout: BilingualLayout, paper: Paper, 
/**
 * The opportunities to present; None takes the suggestions for the audience.
 */
opportunity_ids: Array<number> | null, sections: Array<BriefSection>, 
/**
 * When false, names, phones and emails of people are left out.
 */
include_personal_data: boolean, };

export type OpportunitySuggestion = { id: number, name_vi: string, name_en: string | null, kind: OpportunityKind, sectors: Array<string>, 
/**
 * How many of the audience's sectors it shares.
 */
score: number, 
/**
 * Whether the composer takes it when no list is given.
 */
suggested: boolean, };

export type GeneratedBrief = { brief_id: number, path: string, bytes: number, sha256: string, version: number, };

export type OpportunityImage = { id: number, uuid: string, opportunity_id: number, position: number, caption: string | null, mime: string, width: number, height: number, sha256: string, created_at: string, };

export type UpcomingDelegation = { id: number, title: string, kind: string, status: string, destination_country: string, destination_city: string | null, start_date: string | null, end_date: string | null, };

export type FollowUp = { lead_id: number, title: string, organization_id: number, organization: string, stage: LeadStage, owner: string | null, next_action: string | null, due_at: string, overdue: boolean, };

export type StageTotal = { stage: LeadStage, count: number, 
/**
 * Sum of expected capital in US cents (leads in other currencies are not added).
 */
expected_capital_usd_minor: number, };

export type Dashboard = { counts: Array<[EntityKind, number]>, upcoming_delegations: Array<UpcomingDelegation>, 
/**
 * The first follow-ups by due date (overdue ones first), at most 12.
 */
follow_ups: Array<FollowUp>, 
/**
 * How many leads are overdue in all, listed or not.
 */
overdue_follow_ups: number, 
/**
 * How many leads are due within the next `FOLLOW_UP_DAYS` days in all, listed or not.
 */
upcoming_follow_ups: number, pipeline: Array<StageTotal>, };

export type PipelineFilter = { 
/**
 * Only the leads of this owner (as stored, like the `owner` filter of a list).
 */
owner: string | null, 
/**
 * Only the leads having this sector among theirs.
 */
sector: string | null, };

export type LeadTotal = { count: number, 
/**
 * Expected capital of the leads in USD, in cents.
 */
expected_capital_usd_minor: number, 
/**
 * Leads with an expected capital in another currency: counted, their capital not added.
 */
other_currency: number, 
/**
 * Jobs expected (leads without a figure add nothing).
 */
jobs: number, };

export type PipelineStage = { stage: LeadStage, total: LeadTotal, };

export type PipelineSector = { 
/**
 * The sector tag; '' for the leads without any.
 */
sector: string, all: LeadTotal, 
/**
 * Without the lost leads.
 */
active: LeadTotal, };

export type PipelineTotals = { 
/**
 * Every stage in pipeline order, empty ones included.
 */
stages: Array<PipelineStage>, 
/**
 * Largest active capital first, then most active leads, then by tag ('' last).
 */
sectors: Array<PipelineSector>, all: LeadTotal, 
/**
 * Every stage but lost.
 */
active: LeadTotal, 
/**
 * Leads (not lost) whose next action was due before now.
 */
overdue_follow_ups: number, 
/**
 * Leads (not lost) whose next action is due from now to `FOLLOW_UP_DAYS` days ahead.
 */
upcoming_follow_ups: number, };

export type AuditEntry = { id: number, at: string, entity: string, entity_id: number, entity_uuid: string, action: string, 
/**
 * `{field: {before?, after?}}`.
 */
changes: JsonValue, 
/**
 * The officer (database role) whose session wrote it, on a team store; None on a store
 * file (one person's) and for an import's entry. Left out when None, so that a store
 * file's audit (and a person's export, which carries it) reads as before.
 */
officer?: string, };

export type UiLanguage = "vi" | "en";

export type Settings = { ui_language: UiLanguage, 
/**
 * Minutes needed between two itinerary items at different venues (conflict check).
 */
travel_buffer_minutes: number, };

export type AppInfo = { version: string, 
/**
 * YYYY-MM-DD.
 */
build_date: string, 
/**
 * Where the store is (`Store::location`): a file's path or a team store's URL.
 */
db_path: string, schema_version: number, demo_seeded_at: string | null, 
/**
 * This office's key fingerprint, grouped, once it has a key (read only: never makes one).
 */
office_fingerprint: string | null, };

export type PlanMember = { id: number, uuid: string, name: string, role: MemberRole, contact_id: number | null, 
/**
 * The member's organisation (from the contact book), when known.
 */
organization: string | null, phone: string | null, email: string | null, passport_number: string | null, passport_expiry: string | null, visa_status: VisaStatus, dietary_notes: string | null, protocol_notes: string | null, };

export type PlanCounsellor = { id: number, full_name: string, title: string | null, phone: string | null, email: string | null, office_name_vi: string, office_name_en: string | null, office_city: string, office_time_zone: string, };

export type Severity = "soft" | "hard";

export type ConflictKind = "double_booked" | "outside_dates" | "end_before_start" | "tight_transfer" | "night_time" | "no_counsellor" | "no_attendee";

export type Conflict = { kind: ConflictKind, severity: Severity, item_ids: Array<number>, member_ids: Array<number>, message_vi: string, message_en: string, };

export type ItemRecord = { id: number, uuid: string, delegation_id: number, kind: ItineraryKind, title: string, starts_at: string, ends_at: string, 
/**
 * IANA zone the start was entered in (the departure zone of a travel leg).
 */
time_zone: string, 
/**
 * IANA zone of the end, when it differs (the arrival zone of a travel leg).
 */
end_time_zone: string | null, venue: string | null, address: string | null, organization_id: number | null, counsellor_id: number | null, contact_ids: Array<number>, 
/**
 * Delegation members attending (ids of `Member`).
 */
attendee_ids: Array<number>, notes: string | null, 
/**
 * The local start the officer typed, kept when a clock change did not let the start or the
 * end be taken as typed (it did not exist, or occurred twice: `time::place_local`).
 */
entered_start: string | null, 
/**
 * The local end the officer typed, kept with `entered_start`.
 */
entered_end: string | null, };

export type ItemView = { item: ItemRecord, 
/**
 * Start and end in the item's own zones (a travel leg ends in its arrival zone).
 */
local_start: string, local_end: string, start_zone_abbr: string, end_zone_abbr: string, hanoi_start: string, hanoi_end: string, duration_minutes: number, 
/**
 * Names of the attending members ("the whole delegation" is an empty list).
 */
attendees: Array<string>, organization: string | null, counsellor: string | null, contacts: Array<string>, 
/**
 * Conflicts this item takes part in (indexes into `ItineraryView::conflicts`).
 */
conflicts: Array<number>, 
/**
 * The worst severity among them.
 */
severity: Severity | null, 
/**
 * What a clock change did to the times typed, when one did (`clock_note`).
 */
clock_note: Bilingual | null, };

export type DayView = { date: string, 
/**
 * Day number within the delegation (1 = its start date), when it has dates.
 */
day_number: number | null, items: Array<ItemView>, };

export type MemberWarning = { member_id: number, code: string, message_vi: string, message_en: string, };

export type ItineraryView = { delegation_id: number, members: Array<PlanMember>, counsellors: Array<PlanCounsellor>, days: Array<DayView>, conflicts: Array<Conflict>, warnings: Array<MemberWarning>, };

export type ItemEntry = { delegation_id: number, kind: ItineraryKind, title: string, start_date: string | null, start_time: string | null, 
/**
 * Defaults to the start date.
 */
end_date: string | null, end_time: string | null, time_zone: string, 
/**
 * The arrival zone of a travel leg, when it differs.
 */
end_time_zone: string | null, venue: string | null, address: string | null, organization_id: number | null, counsellor_id: number | null, contact_ids: Array<number>, attendee_ids: Array<number>, notes: string | null, };

export type QuickAddRequest = { delegation_id: number, 
/**
 * `HH:MM[-HH:MM] title [@ venue]`, as `parse_quick` reads it.
 */
line: string, date: string, 
/**
 * The IANA zone the times are in.
 */
time_zone: string, };

export type QuickAdded = { item: ItemRecord, 
/**
 * Said next to the answer when a clock change moved a time typed (`clock_note`).
 */
clock_note: Bilingual | null, };

export type Transition = { to: DelegationStatus, 
/**
 * Who approves (required to approve): name and position.
 */
by: string | null, };

export type NextStep = { to: DelegationStatus, refusals: Array<FieldError>, };

export type ExportedFile = { path: string, bytes: number, };

export type PrintOptions = { 
/**
 * Only the items this member attends, with their name on the cover.
 */
member_id: number | null, language: BriefLanguage, };

export type LoadDelegation = { id: number, title: string, status: DelegationStatus, start_date: string | null, end_date: string | null, };

export type LoadMeeting = { item_id: number, delegation_id: number, delegation_title: string, title: string, starts_at: string, time_zone: string, };

export type CounsellorLoad = { counsellor_id: number, delegations: Array<LoadDelegation>, meetings: Array<LoadMeeting>, 
/**
 * Delegations not yet completed, reported or cancelled.
 */
active_delegations: number, 
/**
 * Meetings from now on.
 */
upcoming_meetings: number, };

export type LinkReason = "member" | "meeting";

export type LinkedDelegation = { id: number, title: string, status: DelegationStatus, start_date: string | null, end_date: string | null, 
/**
 * ISO 3166-1 alpha-2.
 */
destination_country: string, destination_city: string | null, 
/**
 * Member before meeting; at least one.
 */
reasons: Array<LinkReason>, 
/**
 * The roles the person (or the organisation's people) hold in it, in role order.
 */
roles: Array<MemberRole>, };

export type LinkedMeeting = { item_id: number, delegation_id: number, delegation_title: string, title: string, kind: ItineraryKind, starts_at: string, 
/**
 * The IANA zone the item was entered in (its local time is shown in it).
 */
time_zone: string, venue: string | null, };

export type LinkedBrief = { id: number, title: string, language: BriefLanguage, audience_kind: AudienceKind, 
/**
 * The delegation it was written for (with a delegation audience).
 */
delegation_id: number | null, delegation_title: string | null, 
/**
 * True when it was written for a linked delegation rather than for the record itself.
 */
via_delegation: boolean, version: number, file_name: string | null, created_at: string, };

export type Linked = { kind: EntityKind, id: number, delegations: Array<LinkedDelegation>, delegations_total: number, meetings: Array<LinkedMeeting>, meetings_total: number, briefs: Array<LinkedBrief>, briefs_total: number, };

export type SearchHit = { kind: EntityKind, id: number, label: string, detail: string, 
/**
 * The page the hit is shown on when it has none of its own: an itinerary item's
 * delegation, an interaction's organisation (else its first person, else its delegation).
 * None for kinds with their own page (a lead has one), and for an interaction tied to
 * nothing.
 */
parent: SearchParent | null, };

export type SearchGroup = { kind: EntityKind, hits: Array<SearchHit>, total: number, 
/**
 * True when there are more than `total` (counting stops at 1,000: show "1000+").
 */
more: boolean, };

export type SearchParent = { kind: EntityKind, id: number, };

export type SearchResults = { query: string, groups: Array<SearchGroup>, };

export type MatchReason = { "kind": "same_email", "value": string } | { "kind": "same_phone", "value": string } | { "kind": "similar_name", "value": string };

export type DuplicatePair = { a: number, b: number, a_name: string, b_name: string, reasons: Array<MatchReason>, };

export type EraseReport = { contact_id: number, memberships_removed: number, interactions_unlinked: number, meetings_unlinked: number, audit_rows_scrubbed: number, 
/**
 * Interactions whose free text still names the person (or an email): review them by hand.
 */
interactions_mentioning: Array<number>, };

export type ImportFormat = "csv" | "google" | "outlook" | "vcard";

export type Target = "full_name" | "given_name" | "family_name" | "title" | "organization" | "email" | "phone" | "language" | "nationality" | "notes" | "consent_basis" | "consent_date" | "consent_source" | "uuid" | "email_label" | "phone_label" | "ignore";

export type ColumnMap = { column: string, target: Target, label: string | null, };

export type ImportedContact = { 
/**
 * The 1-based physical line where the row (or the card's BEGIN) starts.
 */
line: number, 
/**
 * The record's uuid when the file carries one (lower-case, hyphenated).
 */
uuid: string | null, contact: Contact, organization: string | null, };

export type RowError = { line: number, field: string, code: string, message_vi: string, message_en: string, };

export type DuplicateReason = "uuid" | "email" | "phone";

export type SkippedDuplicate = { line: number, full_name: string, 
/**
 * The contact already in the store (None: an earlier row of the same file).
 */
existing_id: number | null, reason: DuplicateReason, 
/**
 * The uuid, email or phone number both have.
 */
value: string, };

export type ImportReport = { 
/**
 * The recorded import (None for a dry run).
 */
import_id: number | null, dry_run: boolean, format: ImportFormat, 
/**
 * SHA-256 of the bytes read (hex): an import given it refuses a file changed since.
 */
sha256: string, columns: Array<string>, mapping: Array<ColumnMap>, 
/**
 * Every data row of the file: created, duplicate or rejected.
 */
rows: number, contacts_created: number, organizations_created: number, duplicates: Array<SkippedDuplicate>, 
/**
 * Rows left out because of errors (a row may have several).
 */
rows_rejected: number, 
/**
 * Every rejected row with its line and field.
 */
errors: Array<RowError>, 
/**
 * The first rows as they would be stored (for the preview): only rows that are created.
 */
sample: Array<ImportedContact>, };

export type ImportRequest = { path: string, 
/**
 * Guessed from the file when not given.
 */
format: ImportFormat | null, 
/**
 * Where each column goes, when the officer changed the guess.
 */
mapping: Array<ColumnMap> | null, 
/**
 * Check every row and report, writing nothing.
 */
dry_run: boolean, 
/**
 * The preview's `sha256`: a file changed since the preview is refused.
 */
expected_sha256: string | null, };

export type UndoReport = { import_id: number, contacts_removed: number, organizations_removed: number, 
/**
 * Organisations the import created that are now used elsewhere, so were kept.
 */
organizations_kept: number, };

export type ExportFormat = "csv" | "vcard";

export type ImportBatch = { id: number, uuid: string, at: string, file_name: string, format: string, sha256: string, contacts_created: number, organizations_created: number, duplicates_skipped: number, rows_rejected: number, undone_at: string | null, };

export type OfficeProfile = { name_vi: string, name_en: string, 
/**
 * A short code, upper-case letters, digits and dashes (e.g. `ITPC-HN`).
 */
code: string, city: string | null, 
/**
 * ISO 3166-1 alpha-2.
 */
country: string | null, 
/**
 * The office's shared mailbox (never a person's).
 */
email: string | null, };

export type OfficeKeyPlace = { "kind": "file", path: string, } | { "kind": "team_database" };

export type OfficeView = { profile: OfficeProfile | null, 
/**
 * The fingerprint in groups of four, to read aloud (None until the key is made).
 */
fingerprint: string | null, 
/**
 * Where the private key is kept (None for a store in memory, which keeps none).
 */
key_place: OfficeKeyPlace | null, 
/**
 * Whether the key pair exists (it is made on first use).
 */
has_key: boolean, };

export type SentBundle = { id: number, uuid: string, 
/**
 * The local brief it was made from (None once that brief is deleted).
 */
brief_id: number | null, brief_uuid: string, brief_version: number, title: string, path: string, bytes: number, sha256: string, personal_data: boolean, sent_to: string | null, created_at: string, };

export type TrustState = "trusted" | "unknown" | "key_changed" | "revoked";

export type ImportStatus = "imported" | "updated" | "already_received";

export type BundleMember = { path: string, size: number, sha256: string, media_type: string, };

export type Signer = { office: OfficeProfile, 
/**
 * 32 lower-case hex digits.
 */
fingerprint: string, 
/**
 * The same in groups of four, to compare on the phone.
 */
fingerprint_grouped: string, trust: TrustState, 
/**
 * The trusted-list row of this key, when there is one.
 */
key_id: number | null, 
/**
 * The name the officer gave this office here.
 */
local_name: string | null, };

export type Inspection = { bundle_uuid: string, bundle_sha256: string, bytes: number, signer: Signer, brief_uuid: string, brief_version: number, title: string, language: BriefLanguage, created_at: string, personal_data: boolean, app_version: string, members: Array<BundleMember>, 
/**
 * How many opportunities it carries (None while the signer is not trusted: content is
 * read only from trusted signers).
 */
opportunities: number | null, 
/**
 * What an import would do, when it would succeed (trusting the signer first if unknown).
 */
would: ImportStatus | null, 
/**
 * Why an import would be refused (for an unknown signer: `untrusted_signer`, lifted by
 * trusting it).
 */
refusal: ErrorPayload | null, };

export type ImportOutcome = { status: ImportStatus, received_id: number, title: string, brief_version: number, signer: Signer, 
/**
 * Whether this import added the signer to the trusted list.
 */
trusted_now: boolean, };

export type ReceivedBrief = { id: number, uuid: string, key_id: number, fingerprint: string, fingerprint_grouped: string, office_code: string, office_name_vi: string, office_name_en: string, 
/**
 * The officer's own name for the sending office, if given.
 */
local_name: string | null, brief_uuid: string, brief_version: number, title: string, language: BriefLanguage, sent_at: string, received_at: string, personal_data: boolean, bundle_sha256: string, 
/**
 * Signature, signer and every byte were checked on receipt, and the key is not revoked since.
 */
verified: boolean, 
/**
 * The newer version that replaced this one (None for the current one).
 */
superseded_by: number | null, };

export type AdoptState = "new" | "up_to_date" | "update" | "conflict";

export type ReceivedImage = { path: string, sha256: string, caption: string | null, };

export type ReceivedOpportunity = { 
/**
 * The sender's uuid of the opportunity.
 */
uuid: string, data: Opportunity, images: Array<ReceivedImage>, state: AdoptState, 
/**
 * The local record it was adopted as.
 */
local_id: number | null, };

export type ReceivedDetail = { brief: ReceivedBrief, 
/**
 * The received brief's model (for a preview).
 */
model: BriefModel, opportunities: Array<ReceivedOpportunity>, members: Array<BundleMember>, 
/**
 * The versions received before this one, newest first.
 */
history: Array<ReceivedBrief>, };

export type FieldDiff = { field: string, 
/**
 * The value as last adopted.
 */
base: JsonValue, 
/**
 * The value here now.
 */
mine: JsonValue, 
/**
 * The value in the received version.
 */
theirs: JsonValue, };

export type AdoptPlan = { uuid: string, name_vi: string, state: AdoptState, local_id: number | null, 
/**
 * For `conflict`: the fields where both sides changed (each needs a choice) and where
 * only theirs changed (taken unless chosen otherwise).
 */
diffs: Array<FieldDiff>, };

export type Side = "mine" | "theirs";

export type FieldChoice = { uuid: string, field: string, take: Side, };

export type AdoptReport = { 
/**
 * Local ids of the opportunities created.
 */
created: Array<number>, 
/**
 * Local ids of the opportunities updated.
 */
updated: Array<number>, 
/**
 * How many were already up to date.
 */
unchanged: number, 
/**
 * Sector tags added from the bundle's sector names.
 */
sectors_added: Array<string>, };

export type TrustedOffice = { id: number, uuid: string, fingerprint: string, fingerprint_grouped: string, 
/**
 * Whether the public key itself is known (trusting by fingerprint learns it from the first
 * bundle).
 */
has_key: boolean, office_code: string | null, name_vi: string | null, name_en: string | null, city: string | null, country: string | null, email: string | null, local_name: string | null, trusted_at: string, trusted_by: string, revoked_at: string | null, revoked_by: string | null, 
/**
 * How many briefs were received under this key.
 */
received: number, };

export type OfficeCardView = { signer: Signer, created_at: string, };

export type BackupFile = { path: string, name: string, 
/**
 * When it was taken (UTC, RFC 3339), from its name.
 */
taken_at: string, schema_version: number, bytes: number, 
/**
 * Kept out of rotation (a safety backup before a restore, or a backup restored from).
 */
kept: boolean, 
/**
 * Records of each kind, by table.
 */
counts: { [key in string]: number }, 
/**
 * Whether the office key was copied beside it.
 */
with_office_key: boolean, 
/**
 * Where its copy in the second destination went, or why it could not.
 */
second_copy: string | null, };

export type Verified = { path: string, schema_version: number, counts: { [key in string]: number }, 
/**
 * What is wrong with it; empty when it is sound.
 */
problems: Array<string>, };

export type RestoreReport = { 
/**
 * The backup restored, as it is now named (kept out of rotation).
 */
restored_from: string, 
/**
 * The copy of the store as it was just before, kept out of rotation.
 */
safety_backup: BackupFile, schema_version: number, counts: { [key in string]: number }, };

export type IdleFailure = { 
/**
 * When (UTC, RFC 3339).
 */
at: string, error: ErrorPayload, };

export type CountedKind = { kind: EntityKind, table: string, };

export type BackupStatus = { 
/**
 * The store file a restore replaces.
 */
store_path: string, 
/**
 * Its records of each kind, by table (to compare with a backup's).
 */
store_counts: { [key in string]: number }, 
/**
 * The kinds whose records are counted, in display order, with the table each count is
 * keyed by (so the window names counts from the kinds' labels).
 */
kinds: Array<CountedKind>, folder: string, 
/**
 * Whether `folder` is the default, `backups/` beside the store.
 */
folder_is_default: boolean, second_folder: string | null, 
/**
 * When the last backup was taken (UTC, RFC 3339), by the app or the CLI.
 */
last_at: string | null, 
/**
 * Where it is (in `folder`), when known.
 */
last_path: string | null, 
/**
 * The last idle backup's failure, until one succeeds.
 */
last_failure: IdleFailure | null, 
/**
 * The store changed since the last backup and that one is older than `OVERDUE_AFTER`, or
 * there is none while the store holds records: the dashboard shows it as a warning.
 */
overdue: boolean, };

export type ErasedInBackups = { 
/**
 * When the person was erased (UTC, RFC 3339).
 */
erased_at: string, 
/**
 * The backup files taken at or before then, in both folders, newest first.
 */
backups: Array<string>, 
/**
 * Backup folders that could not be read (a second destination unplugged): thin again
 * once they are back.
 */
unreachable: Array<string>, };

export type ThinnedBackups = { 
/**
 * The backup files deleted (their office-key files went with them).
 */
removed: Array<string>, 
/**
 * The backup of the store as it is now, taken before anything was deleted.
 */
fresh: BackupFile, 
/**
 * Backup folders that could not be read: their backups are still there.
 */
unreachable: Array<string>, };

export type ReadOnlyReason = "file" | "folder" | "refused" | "team_role";

export type HealthFinding = { 
/**
 * The doctor's stable code (`integrity`, `foreign_key`, `index_pending`, or `unreadable`
 * when the check itself could not read the file).
 */
code: string, message: Bilingual, count: number, 
/**
 * The first things found (SQLite's lines, rows).
 */
items: Array<string>, };

export type StoreHealth = { store_path: string, 
/**
 * Why every write is refused here, if it is: the store file cannot be written, or a team
 * store's role may only read (`Store::writes_refused`).
 */
read_only: ReadOnlyReason | null, 
/**
 * Whether this session may sign for the office (send a brief to another office, export the
 * office card): on a team store, a manager only (`Store::may_sign`).
 */
may_sign: boolean, 
/**
 * The quick check is still running (on a large store, seconds: it reads every page); ask
 * again for its result. Nothing below is known yet.
 */
checking: boolean, 
/**
 * The quick check found damage only a backup can put right.
 */
damaged: boolean, 
/**
 * What the quick check found (pending index work too, which is not damage).
 */
findings: Array<HealthFinding>, 
/**
 * When damaged: the newest backup in the backup folder that passes a full check.
 */
newest_good_backup: BackupFile | null, 
/**
 * How long the quick check took.
 */
check_millis: number, 
/**
 * How long looking for a good backup took (0 when not damaged).
 */
backup_millis: number, };

export type StartWith = "demo" | "empty";

export type FirstRunChoices = { ui_language: UiLanguage, start_with: StartWith, 
/**
 * This office's profile for exchange; None: set it later in Settings.
 */
office: OfficeProfile | null, 
/**
 * The folder for the store (a full path); None or the store's own folder: it stays.
 */
data_folder: string | null, 
/**
 * The backup folder (a full path); None: `backups/` beside the store.
 */
backup_folder: string | null, };

export type FirstRunState = { 
/**
 * Set up already (or read-only, so that it cannot be): no first-run screen.
 */
set_up: boolean, 
/**
 * The folder the open store is in.
 */
data_folder: string, 
/**
 * The backup folder the store uses unless another is chosen.
 */
backup_folder: string, };

export type FirstRunDone = { 
/**
 * The store now open.
 */
db_path: string, demo_seeded: boolean, 
/**
 * The chosen folder held a store that was set up already: it is opened as it is, and the
 * other choices are left to Settings (they would overwrite that store's own).
 */
opened_existing: boolean, };

/** A stored record: its metadata and its fields. */
export type Stored<T> = Meta & T;

/** The record type of each entity kind. */
export type EntityMap = {
  "offices": Office;
  "counsellors": Counsellor;
  "organizations": Organization;
  "contacts": Contact;
  "delegations": Delegation;
  "members": Member;
  "itinerary-items": ItineraryItem;
  "interactions": Interaction;
  "leads": Lead;
  "opportunities": Opportunity;
  "briefs": Brief;
};
