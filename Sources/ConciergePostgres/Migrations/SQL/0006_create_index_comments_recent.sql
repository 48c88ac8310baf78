-- Search takes the newest matching comments first (see TicketQuerySQL): walk comments of a
-- tenant by recency.
CREATE INDEX comments_recent ON comments (tenant_id, created_at DESC);
