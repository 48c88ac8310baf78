-- The customer portal (/portal/{tenant}): sign-in links emailed to customers and the sessions
-- they open. Both are found by the SHA-256 digest of their secret, inside the tenant's
-- transaction (the portal's URL names the tenant), so neither needs a cross-tenant lookup.
--
-- A link works once (used_at), until expires_at; signing in with one retires the customer's
-- other links. A session lives until expires_at or until the customer signs out; deleting or
-- merging away the customer ends it with them.
CREATE TABLE portal_links (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    token_digest bytea NOT NULL,
    customer_id uuid NOT NULL,
    email text NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    PRIMARY KEY (tenant_id, token_digest),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX portal_links_customer ON portal_links (tenant_id, customer_id, expires_at);
CREATE INDEX portal_links_expires ON portal_links (expires_at);

CREATE TABLE portal_sessions (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    token_digest bytea NOT NULL,
    customer_id uuid NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, token_digest),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX portal_sessions_customer ON portal_sessions (tenant_id, customer_id, expires_at);
CREATE INDEX portal_sessions_expires ON portal_sessions (expires_at);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['portal_links', 'portal_sessions']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;

-- Expired links and sessions of every tenant, for the scheduler's housekeeping (owner's rights,
-- like outbox_purge_published; through the two expiry indexes). Returns how many rows went.
CREATE FUNCTION portal_purge_expired(cutoff timestamptz)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public
    AS $$
DECLARE
    links integer;
    sessions integer;
BEGIN
    DELETE FROM portal_links WHERE expires_at < cutoff;
    GET DIAGNOSTICS links = ROW_COUNT;
    DELETE FROM portal_sessions WHERE expires_at < cutoff;
    GET DIAGNOSTICS sessions = ROW_COUNT;
    RETURN links + sessions;
END
$$;
REVOKE ALL ON FUNCTION portal_purge_expired(timestamptz) FROM PUBLIC;
