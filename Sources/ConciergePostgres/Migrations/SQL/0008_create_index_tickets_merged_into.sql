-- Deleting a ticket (or a tenant) checks the merged_into_id foreign key; without an index each
-- delete scans every ticket.
CREATE INDEX tickets_merged_into ON tickets (tenant_id, merged_into_id) WHERE merged_into_id IS NOT NULL;
