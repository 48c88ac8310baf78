-- The service domain: organizations, customers and their identities, tickets with per-tenant
-- numbers, comments. Search vectors hold SearchTokenizer terms (CJK bigrams + words), built
-- by the application, matched with the `simple` configuration.

CREATE COLLATION IF NOT EXISTS zh_pinyin (provider = icu, locale = 'zh-u-co-pinyin');

CREATE TABLE organizations (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    name text NOT NULL,
    domains text[] NOT NULL DEFAULT '{}',
    tier text NOT NULL DEFAULT 'standard',
    external_ids jsonb NOT NULL DEFAULT '{}',
    notes text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX organizations_name ON organizations (tenant_id, name COLLATE zh_pinyin, id);

-- Email domains that auto-associate new customers with an organization; one owner per domain.
CREATE TABLE organization_domains (
    tenant_id uuid NOT NULL,
    domain text NOT NULL,
    organization_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, domain),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE customers (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    name text NOT NULL,
    emails text[] NOT NULL DEFAULT '{}',
    phones text[] NOT NULL DEFAULT '{}',
    external_ids jsonb NOT NULL DEFAULT '{}',
    tier text NOT NULL DEFAULT 'standard',
    tags text[] NOT NULL DEFAULT '{}',
    locale text CHECK (locale IN ('zh-CN', 'en')),
    organization_id uuid,
    attributes jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id) ON DELETE SET NULL (organization_id)
);
CREATE INDEX customers_name ON customers (tenant_id, name COLLATE zh_pinyin, id);
CREATE INDEX customers_organization ON customers (tenant_id, organization_id);

-- The same email or phone is the same customer: identity matching on intake.
CREATE TABLE customer_identities (
    tenant_id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('email', 'phone')),
    value text NOT NULL,
    customer_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, kind, value),
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX customer_identities_customer ON customer_identities (tenant_id, customer_id);

-- Per-tenant ticket numbers (#1001, #1002, …).
CREATE TABLE ticket_counters (
    tenant_id uuid PRIMARY KEY REFERENCES tenants (id) ON DELETE CASCADE,
    last_number bigint NOT NULL
);

CREATE TABLE tickets (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    number bigint NOT NULL,
    subject text NOT NULL,
    description text NOT NULL,
    status text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
    priority text NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    type text NOT NULL CHECK (type IN ('question', 'incident', 'problem', 'task')),
    channel text NOT NULL,
    requester_id uuid NOT NULL,
    organization_id uuid,
    assignee_id uuid,
    group_id uuid,
    follower_ids uuid[] NOT NULL DEFAULT '{}',
    tags text[] NOT NULL DEFAULT '{}',
    custom_fields jsonb NOT NULL DEFAULT '{}',
    due_at timestamptz,
    parent_id uuid,
    merged_into_id uuid,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    first_response_at timestamptz,
    solved_at timestamptz,
    closed_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    search_vector tsvector NOT NULL DEFAULT ''::tsvector,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, number),
    FOREIGN KEY (tenant_id, requester_id) REFERENCES customers (tenant_id, id),
    FOREIGN KEY (tenant_id, organization_id) REFERENCES organizations (tenant_id, id) ON DELETE SET NULL (organization_id),
    FOREIGN KEY (tenant_id, assignee_id) REFERENCES users (tenant_id, id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES groups (tenant_id, id) ON DELETE SET NULL (group_id),
    FOREIGN KEY (tenant_id, parent_id) REFERENCES tickets (tenant_id, id) ON DELETE SET NULL (parent_id),
    FOREIGN KEY (tenant_id, merged_into_id) REFERENCES tickets (tenant_id, id)
);
CREATE INDEX tickets_updated ON tickets (tenant_id, updated_at DESC, id DESC);
CREATE INDEX tickets_status_updated ON tickets (tenant_id, status, updated_at DESC, id DESC);
CREATE INDEX tickets_assignee ON tickets (tenant_id, assignee_id, status, updated_at DESC);
CREATE INDEX tickets_group ON tickets (tenant_id, group_id, status, updated_at DESC);
CREATE INDEX tickets_requester ON tickets (tenant_id, requester_id, created_at DESC);
CREATE INDEX tickets_organization ON tickets (tenant_id, organization_id, created_at DESC);
CREATE INDEX tickets_parent ON tickets (tenant_id, parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX tickets_tags ON tickets USING gin (tags);
CREATE INDEX tickets_custom_fields ON tickets USING gin (custom_fields jsonb_path_ops);
CREATE INDEX tickets_search ON tickets USING gin (search_vector);

CREATE TABLE comments (
    tenant_id uuid NOT NULL,
    id uuid NOT NULL,
    ticket_id uuid NOT NULL,
    author_type text NOT NULL CHECK (author_type IN ('user', 'customer', 'system')),
    author_id text NOT NULL,
    body text NOT NULL,
    is_public boolean NOT NULL,
    channel text NOT NULL,
    mention_ids uuid[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL,
    search_vector tsvector NOT NULL DEFAULT ''::tsvector,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX comments_ticket ON comments (tenant_id, ticket_id, created_at, id);
CREATE INDEX comments_search ON comments USING gin (search_vector);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organizations', 'organization_domains', 'customers', 'customer_identities', 'ticket_counters', 'tickets', 'comments']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;
