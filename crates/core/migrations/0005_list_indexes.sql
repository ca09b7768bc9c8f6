-- Indexes for the lists' default sort orders, so that a page of 50 out of 100,000s of
-- records is read from an index instead of sorting the table.
CREATE INDEX contacts_full_name ON contacts(full_name);
CREATE INDEX organizations_name_vi ON organizations(name_vi);
CREATE INDEX leads_due_at ON leads(due_at);
CREATE INDEX interactions_occurred_at ON interactions(occurred_at);
