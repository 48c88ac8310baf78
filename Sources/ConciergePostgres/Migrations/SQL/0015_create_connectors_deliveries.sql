-- The integration hub's connectors and their delivery log.
--
-- A connector is one configured peer of a tenant (a webhook URL, a DingTalk or WeCom robot, an
-- SMS gateway): its non-secret settings as JSON, its secrets sealed with AES-GCM under a key of
-- CONCIERGE_SECRET_KEYS (secrets_key_id names which, so keys can be rotated), the events it is
-- subscribed to, its rate limit and its circuit breaker.
CREATE TABLE connectors (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    key text NOT NULL,
    kind text NOT NULL,
    name text NOT NULL,
    enabled boolean NOT NULL DEFAULT true,
    settings jsonb NOT NULL,
    sealed_secrets text,
    secrets_key_id text,
    secret_names text[] NOT NULL DEFAULT '{}',
    events text[] NOT NULL DEFAULT '{}',
    rate_limit_per_minute integer NOT NULL,
    consecutive_failures integer NOT NULL DEFAULT 0,
    circuit_open_until timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

-- One row per message to one connector. The idempotency key (the event id for an event, the
-- rule's run for a rule action, a fresh id for a test send) makes a fan-out that runs twice
-- create one delivery. claimed_until is a short lease: only the worker holding it sends.
CREATE TABLE connector_deliveries (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    connector_id uuid NOT NULL,
    idempotency_key text NOT NULL,
    event_type text NOT NULL,
    ticket_id uuid,
    message jsonb NOT NULL,
    status text NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    request_summary text,
    response_status integer,
    last_error text,
    latency_ms integer,
    next_attempt_at timestamptz,
    claimed_until timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    delivered_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, connector_id, idempotency_key),
    FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX connector_deliveries_log ON connector_deliveries (tenant_id, connector_id, created_at DESC, id DESC);
CREATE INDEX connector_deliveries_recent ON connector_deliveries (tenant_id, created_at DESC, id DESC);
CREATE INDEX connector_deliveries_by_status ON connector_deliveries (tenant_id, status, created_at DESC)
    WHERE status IN ('failed', 'quarantined');

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['connectors', 'connector_deliveries']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;

-- Secret rotation re-seals every connector's secrets under the current key; it runs for all
-- tenants (concierge connectors rotate-secrets), so it lists them through this function.
CREATE FUNCTION connector_secret_tenants(current_key text)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT DISTINCT c.tenant_id FROM connectors c
        WHERE c.sealed_secrets IS NOT NULL AND c.secrets_key_id IS DISTINCT FROM current_key
    $$;

REVOKE ALL ON FUNCTION connector_secret_tenants(text) FROM PUBLIC;
