-- The local start and end an officer typed for an itinerary item, kept only when a clock change
-- kept them from being taken as typed (a time that does not exist or occurs twice), so that the
-- itinerary can say what happened to them (crates/core/src/itinerary/clock_change.rs).
ALTER TABLE itinerary_items ADD COLUMN entered_start TEXT;
ALTER TABLE itinerary_items ADD COLUMN entered_end TEXT;
