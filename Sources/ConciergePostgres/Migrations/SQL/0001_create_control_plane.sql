-- Control plane: tenants, credentials (looked up before a tenant is known), scheduler leases.
-- Not tenant-scoped: only platform code paths read these tables, always by key.

CREATE TABLE tenants (
    id uuid PRIMARY KEY,
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z][a-z0-9-]{0,38}[a-z0-9]$'),
    name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    status text NOT NULL CHECK (status IN ('active', 'suspended')),
    plan text NOT NULL,
    seat_limit integer NOT NULL CHECK (seat_limit >= 1),
    time_zone text NOT NULL DEFAULT 'Asia/Shanghai',
    locale text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
    placement text NOT NULL DEFAULT 'shared',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
);

CREATE TABLE api_tokens (
    id uuid PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('owner', 'admin', 'supervisor', 'agent', 'light_agent')),
    token_digest bytea NOT NULL UNIQUE,
    token_prefix text NOT NULL,
    created_by text NOT NULL,
    created_at timestamptz NOT NULL,
    last_used_at timestamptz,
    revoked_at timestamptz,
    expires_at timestamptz
);
CREATE INDEX api_tokens_tenant_created ON api_tokens (tenant_id, created_at DESC);

CREATE TABLE sessions (
    token_digest bytea PRIMARY KEY,
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    csrf_token text NOT NULL,
    created_at timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_tenant_user ON sessions (tenant_id, user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

-- Who leads the scheduler, as last recorded by the leader (the lock itself is an advisory lock).
CREATE TABLE scheduler_leases (
    name text PRIMARY KEY,
    holder text NOT NULL,
    acquired_at timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL
);
