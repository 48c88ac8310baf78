-- Attachments (bytes live in attachment storage, not in the row), related-ticket links, and
-- agent skills and regions for routing.

CREATE TABLE attachments (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    ticket_id uuid NOT NULL,
    comment_id uuid,
    filename text NOT NULL,
    content_type text NOT NULL,
    size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
    sha256 text NOT NULL,
    storage_key text NOT NULL,
    uploaded_by text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, comment_id) REFERENCES comments (tenant_id, id) ON DELETE SET NULL (comment_id)
);
CREATE INDEX attachments_ticket ON attachments (tenant_id, ticket_id, created_at);

-- Undirected "related" links are stored once, with the smaller id first.
CREATE TABLE ticket_links (
    tenant_id uuid NOT NULL,
    ticket_id uuid NOT NULL,
    related_id uuid NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, related_id),
    CHECK (ticket_id < related_id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, related_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_links_related ON ticket_links (tenant_id, related_id);

ALTER TABLE users ADD COLUMN skills text[] NOT NULL DEFAULT '{}';
ALTER TABLE users ADD COLUMN regions text[] NOT NULL DEFAULT '{}';

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['attachments', 'ticket_links']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;
