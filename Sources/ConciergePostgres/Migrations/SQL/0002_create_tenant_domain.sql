-- Tenant domain: every table carries tenant_id first in its keys, and row-level security
-- restricts every query to the tenant set for the transaction (SET LOCAL app.tenant_id).

-- The tenant of the current transaction; NULL when none is set, which matches no row.
CREATE FUNCTION app_current_tenant() RETURNS uuid
    LANGUAGE sql STABLE PARALLEL SAFE
    AS $$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

CREATE TABLE users (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    email text NOT NULL CHECK (email = lower(email)),
    name text NOT NULL,
    role text NOT NULL CHECK (role IN ('owner', 'admin', 'supervisor', 'agent', 'light_agent')),
    status text NOT NULL CHECK (status IN ('invited', 'active', 'deactivated')),
    locale text CHECK (locale IN ('zh-CN', 'en')),
    password_hash text,
    last_login_at timestamptz,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, email)
);
CREATE INDEX users_tenant_name ON users (tenant_id, name, id);

CREATE TABLE groups (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    key text NOT NULL,
    name text NOT NULL,
    description text NOT NULL DEFAULT '',
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (tenant_id, key)
);

CREATE TABLE group_members (
    tenant_id uuid NOT NULL,
    group_id uuid NOT NULL,
    user_id uuid NOT NULL,
    PRIMARY KEY (tenant_id, group_id, user_id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES groups (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX group_members_user ON group_members (tenant_id, user_id);

-- Append-only: the application role gets SELECT and INSERT only (see the migration runner).
CREATE TABLE events (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    id uuid NOT NULL,
    type text NOT NULL,
    subject_type text NOT NULL,
    subject_id text NOT NULL,
    actor text NOT NULL,
    data jsonb NOT NULL DEFAULT '{}',
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, seq),
    UNIQUE (tenant_id, id)
);
CREATE INDEX events_subject ON events (tenant_id, subject_type, subject_id, seq DESC);

CREATE TABLE outbox (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id bigint GENERATED ALWAYS AS IDENTITY,
    event_id uuid NOT NULL,
    queue text NOT NULL,
    job jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX outbox_unpublished ON outbox (id) WHERE published_at IS NULL;
CREATE INDEX outbox_published ON outbox (published_at) WHERE published_at IS NOT NULL;

-- Idempotency ledger of job handlers: a job id recorded here has taken effect.
CREATE TABLE processed_jobs (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    job_id text NOT NULL,
    handler text NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, job_id, handler)
);

-- Completions of diagnostics.probe jobs (end-to-end pipeline checks).
CREATE TABLE diagnostic_probes (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    job_id text NOT NULL,
    worker text NOT NULL,
    attempt integer NOT NULL,
    completed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant_id, job_id, worker, attempt)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['users', 'groups', 'group_members', 'events', 'outbox', 'processed_jobs', 'diagnostic_probes']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;

-- The outbox relay reads across tenants through these two functions only. They run with the
-- owner's rights (the owner is not subject to RLS); the application role may execute them.
CREATE FUNCTION outbox_claim(batch integer)
    RETURNS TABLE (id bigint, tenant_id uuid, queue text, job text)
    LANGUAGE sql SECURITY DEFINER SET search_path = public
    AS $$
        SELECT o.id, o.tenant_id, o.queue, o.job::text
        FROM outbox o
        WHERE o.published_at IS NULL
        ORDER BY o.id
        LIMIT batch
        FOR UPDATE SKIP LOCKED
    $$;

CREATE FUNCTION outbox_mark_published(ids bigint[])
    RETURNS integer
    LANGUAGE sql SECURITY DEFINER SET search_path = public
    AS $$
        WITH done AS (
            UPDATE outbox SET published_at = now() WHERE id = ANY (ids) AND published_at IS NULL RETURNING 1
        )
        SELECT count(*)::integer FROM done
    $$;

CREATE FUNCTION outbox_purge_published(older_than interval)
    RETURNS integer
    LANGUAGE sql SECURITY DEFINER SET search_path = public
    AS $$
        WITH gone AS (
            DELETE FROM outbox WHERE published_at IS NOT NULL AND published_at < now() - older_than RETURNING 1
        )
        SELECT count(*)::integer FROM gone
    $$;

REVOKE ALL ON FUNCTION outbox_claim(integer) FROM PUBLIC;
REVOKE ALL ON FUNCTION outbox_mark_published(bigint[]) FROM PUBLIC;
REVOKE ALL ON FUNCTION outbox_purge_published(interval) FROM PUBLIC;
