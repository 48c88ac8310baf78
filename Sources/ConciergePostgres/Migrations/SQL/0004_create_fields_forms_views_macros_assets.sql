-- Configuration of the service domain (custom fields, ticket forms, views, macros) and the
-- assets/devices that tickets are about. Definitions are stored as validated JSON documents
-- (the domain types are Codable); keys are unique per tenant because configuration as code
-- and integrations refer to them.

CREATE TABLE custom_field_definitions (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    key text NOT NULL,
    definition jsonb NOT NULL,
    position integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

CREATE TABLE ticket_forms (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    key text NOT NULL,
    form jsonb NOT NULL,
    position integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

CREATE TABLE macros (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    key text NOT NULL,
    macro jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

-- Saved ticket lists: shared (owner_id NULL) or personal to one agent.
CREATE TABLE views (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    key text NOT NULL,
    title text NOT NULL,
    owner_id uuid,
    filters jsonb NOT NULL,
    position integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key),
    FOREIGN KEY (tenant_id, owner_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- Devices and installed equipment (seed 001: a QR code on every machine).
CREATE TABLE assets (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    serial_number text NOT NULL,
    model text NOT NULL DEFAULT '',
    organization_id uuid,
    customer_id uuid,
    region text NOT NULL DEFAULT '',
    installed_on date,
    warranty_ends_on date,
    attributes jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, serial_number),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id) ON DELETE SET NULL (organization_id),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE SET NULL (customer_id)
);
CREATE INDEX assets_customer ON assets (tenant_id, customer_id);
CREATE INDEX assets_organization ON assets (tenant_id, organization_id);

ALTER TABLE tickets ADD COLUMN form_key text;
ALTER TABLE tickets ADD COLUMN asset_id uuid;
ALTER TABLE tickets ADD CONSTRAINT tickets_asset_fk
    FOREIGN KEY (tenant_id, asset_id) REFERENCES assets (tenant_id, id) ON DELETE SET NULL (asset_id);
CREATE INDEX tickets_asset ON tickets (tenant_id, asset_id) WHERE asset_id IS NOT NULL;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['custom_field_definitions', 'ticket_forms', 'macros', 'views', 'assets']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;
