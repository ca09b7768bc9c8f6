-- Indexes for what an organisation's or a person's page shows linked to them: the meetings
-- with an organisation (newest first), and the briefs written for an organisation or for a
-- delegation. Without them each page would scan every itinerary item and brief.
CREATE INDEX items_organization ON itinerary_items(organization_id, starts_at);
CREATE INDEX briefs_organization ON briefs(organization_id);
CREATE INDEX briefs_delegation ON briefs(delegation_id);
