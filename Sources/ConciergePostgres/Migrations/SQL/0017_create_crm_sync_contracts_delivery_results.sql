-- CRM sync: connectors of kind 'crm' pull organizations, customers and contracts from a CRM or
-- an ERP's customer master, incrementally and resumably.
--
-- crm_sync_state keeps, per connector and kind, the change time the next run asks from
-- (updated_since), the page a run in progress stopped at (page_cursor, with the largest change
-- time it has seen: run_high_water), and the outcome of the last run. A page's records and the
-- cursor after it are written in one transaction, so a crash repeats at most one page.
CREATE TABLE crm_sync_state (
    tenant_id uuid NOT NULL,
    connector_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('organizations', 'customers', 'contracts')),
    updated_since timestamptz,
    page_cursor text,
    run_high_water timestamptz,
    run_started_at timestamptz,
    last_success_at timestamptz,
    last_error text,
    last_error_at timestamptz,
    records_synced bigint NOT NULL DEFAULT 0,
    PRIMARY KEY (tenant_id, connector_id, kind),
    FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE
);

-- When each crm connector is next due, and its run's outcome as a whole.
CREATE TABLE crm_sync_runs (
    tenant_id uuid NOT NULL,
    connector_id uuid NOT NULL,
    next_run_at timestamptz NOT NULL,
    last_run_at timestamptz,
    PRIMARY KEY (tenant_id, connector_id),
    FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE
);

-- Service contracts (agreements, confirmed orders) pulled from a CRM or ERP: what a customer or
-- an organization is entitled to, shown in the customer 360.
CREATE TABLE contracts (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    connector_id uuid NOT NULL,
    external_id text NOT NULL,
    number text NOT NULL,
    name text,
    status text,
    organization_id uuid,
    customer_id uuid,
    starts_at timestamptz,
    ends_at timestamptz,
    attributes jsonb NOT NULL DEFAULT '{}',
    source jsonb NOT NULL DEFAULT '{}',
    external_updated_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, connector_id, external_id),
    FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id) ON DELETE SET NULL (organization_id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE SET NULL (customer_id)
);
CREATE INDEX contracts_by_organization ON contracts (tenant_id, organization_id, ends_at DESC) WHERE organization_id IS NOT NULL;
CREATE INDEX contracts_by_customer ON contracts (tenant_id, customer_id, ends_at DESC) WHERE customer_id IS NOT NULL;

-- A synced record finds its customer or organization by the id the CRM gave it
-- (external_ids @> '{"<connector key>": "<id>"}').
CREATE INDEX customers_external_ids ON customers USING gin (external_ids jsonb_path_ops);
CREATE INDEX organizations_external_ids ON organizations USING gin (external_ids jsonb_path_ops);

-- What the peer said about a delivered message when it is more than "accepted": the ERP document
-- an issue order became. Issue orders are listed per ticket.
ALTER TABLE connector_deliveries ADD COLUMN result text;
CREATE INDEX connector_deliveries_by_ticket ON connector_deliveries (tenant_id, ticket_id, created_at DESC, id DESC)
    WHERE ticket_id IS NOT NULL;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['crm_sync_state', 'crm_sync_runs', 'contracts']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;

-- The enabled crm connectors of active tenants that are due (never run, or next_run_at passed),
-- for the scheduler's pass (owner's rights; each sync runs under its tenant).
CREATE FUNCTION due_crm_syncs(at timestamptz)
    RETURNS TABLE (tenant_id uuid, connector_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT c.tenant_id, c.id FROM connectors c JOIN tenants t ON t.id = c.tenant_id
        LEFT JOIN crm_sync_runs r ON r.tenant_id = c.tenant_id AND r.connector_id = c.id
        WHERE c.kind = 'crm' AND c.enabled AND t.status = 'active' AND (r.next_run_at IS NULL OR r.next_run_at <= at)
        ORDER BY c.tenant_id, c.id
    $$;

REVOKE ALL ON FUNCTION due_crm_syncs(timestamptz) FROM PUBLIC;
