-- An agent's view ("my open and pending tickets, newest first") matches thousands of rows in
-- a big tenant; with the ticket id in the index, the page's ids come from the index alone
-- (an index-only scan and a sort of small entries) and only the page's rows are read — see
-- the deferred join in TicketQuerySQL. Replaces tickets_assignee, whose columns it starts with.
CREATE INDEX tickets_assignee_page ON tickets (tenant_id, assignee_id, status, updated_at DESC, id DESC);
DROP INDEX tickets_assignee;
