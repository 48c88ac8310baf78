-- Service levels, rules and the in-app notification feed.
--
-- Calendars, SLA policies, triggers and automations are tenant configuration: each is kept
-- as its validated JSON document (the same shape the API and Tenants/<slug> YAML use), keyed
-- by the tenant's own key.
CREATE TABLE business_calendars (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key text NOT NULL,
    definition jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE sla_policies (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key text NOT NULL,
    position integer NOT NULL,
    definition jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE ticket_triggers (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key text NOT NULL,
    position integer NOT NULL,
    definition jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

CREATE TABLE ticket_automations (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    key text NOT NULL,
    position integer NOT NULL,
    definition jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, key)
);

-- An automation that fired for a ticket keeps a marker until its conditions stop holding, so
-- it fires once per ticket until then (see AutomationDecision).
CREATE TABLE automation_markers (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id uuid NOT NULL,
    automation_key text NOT NULL,
    fired_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, automation_key),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);

-- One row per ticket and SLA metric: the clock's state as last computed, and when its warning
-- and breach fired. The scheduler finds what comes due through the two partial indexes.
CREATE TABLE ticket_sla_targets (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    ticket_id uuid NOT NULL,
    metric text NOT NULL CHECK (metric IN ('first_reply', 'next_reply', 'requester_wait', 'resolution')),
    policy_key text NOT NULL,
    status text NOT NULL,
    started_at timestamptz NOT NULL,
    target_at timestamptz NOT NULL,
    warning_at timestamptz,
    fulfilled_at timestamptz,
    breached_at timestamptz,
    paused_seconds double precision NOT NULL DEFAULT 0,
    warning_fired_at timestamptz,
    breach_fired_at timestamptz,
    computed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, ticket_id, metric),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX ticket_sla_targets_breach_due ON ticket_sla_targets (target_at)
    WHERE fulfilled_at IS NULL AND breach_fired_at IS NULL AND status <> 'paused';
CREATE INDEX ticket_sla_targets_warning_due ON ticket_sla_targets (warning_at)
    WHERE fulfilled_at IS NULL AND warning_fired_at IS NULL AND breach_fired_at IS NULL AND status <> 'paused';

-- The next breach of each open ticket, for the "breaches in 25 min" badge, views and sorting.
ALTER TABLE tickets ADD COLUMN sla_breach_at timestamptz;
CREATE INDEX tickets_sla_breach ON tickets (tenant_id, sla_breach_at, id) WHERE sla_breach_at IS NOT NULL;

-- Routing: how each group hands out unassigned tickets, and each agent's presence.
CREATE TABLE group_routing (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    group_id uuid NOT NULL,
    method text NOT NULL CHECK (method IN ('manual', 'round_robin', 'least_loaded', 'skills')),
    reroute_policy text NOT NULL CHECK (reroute_policy IN ('keep', 'unassign', 'reroute')),
    cursor_user_id uuid,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, group_id),
    FOREIGN KEY (tenant_id, group_id) REFERENCES groups (tenant_id, id) ON DELETE CASCADE
);

CREATE TABLE agent_presence (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    user_id uuid NOT NULL,
    availability text NOT NULL CHECK (availability IN ('online', 'away', 'offline')),
    capacity integer NOT NULL CHECK (capacity BETWEEN 0 AND 10000),
    last_assigned_at timestamptz,
    changed_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, user_id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE
);

-- Satisfaction surveys: CSAT after a ticket is solved (1–5), NPS per customer (0–10). The
-- link carries a random secret made when the survey is sent; only its SHA-256 digest is
-- stored. A survey is answered once.
CREATE TABLE satisfaction_surveys (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    kind text NOT NULL CHECK (kind IN ('csat', 'nps')),
    ticket_id uuid,
    customer_id uuid NOT NULL,
    agent_id uuid,
    token_digest bytea,
    send_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    sent_at timestamptz,
    answered_at timestamptz,
    rating integer,
    comment text,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, id),
    UNIQUE (token_digest),
    CHECK ((kind = 'csat' AND rating BETWEEN 1 AND 5) OR (kind = 'nps' AND rating BETWEEN 0 AND 10) OR rating IS NULL),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, customer_id) REFERENCES customers (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX satisfaction_surveys_ticket ON satisfaction_surveys (tenant_id, ticket_id) WHERE kind = 'csat';
CREATE INDEX satisfaction_surveys_due ON satisfaction_surveys (send_at) WHERE sent_at IS NULL;
CREATE INDEX satisfaction_surveys_customer ON satisfaction_surveys (tenant_id, customer_id, created_at DESC);
CREATE INDEX satisfaction_surveys_agent ON satisfaction_surveys (tenant_id, agent_id, answered_at DESC)
    WHERE answered_at IS NOT NULL;

CREATE TABLE notifications (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    id uuid NOT NULL,
    user_id uuid NOT NULL,
    ticket_id uuid,
    kind text NOT NULL,
    title text NOT NULL,
    body text NOT NULL,
    source text NOT NULL,
    created_at timestamptz NOT NULL,
    read_at timestamptz,
    PRIMARY KEY (tenant_id, id),
    FOREIGN KEY (tenant_id, user_id) REFERENCES users (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX notifications_feed ON notifications (tenant_id, user_id, created_at DESC, id DESC);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['business_calendars', 'sla_policies', 'ticket_triggers', 'ticket_automations',
                             'automation_markers', 'ticket_sla_targets', 'notifications', 'group_routing',
                             'agent_presence', 'satisfaction_surveys']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;

-- The scheduler looks across tenants for SLA warnings and breaches that have come due, through
-- this function only (owner's rights, like outbox_claim); firing them happens per tenant, under
-- row-level security, and marks each row so that it fires once.
CREATE FUNCTION sla_due_tenants(due_by timestamptz, batch integer)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT DISTINCT d.tenant_id FROM (
            (SELECT s.tenant_id FROM ticket_sla_targets s
             WHERE s.fulfilled_at IS NULL AND s.breach_fired_at IS NULL AND s.status <> 'paused' AND s.target_at <= due_by
             ORDER BY s.target_at LIMIT batch)
            UNION ALL
            (SELECT s.tenant_id FROM ticket_sla_targets s
             WHERE s.fulfilled_at IS NULL AND s.warning_fired_at IS NULL AND s.breach_fired_at IS NULL
               AND s.status <> 'paused' AND s.warning_at <= due_by
             ORDER BY s.warning_at LIMIT batch)
        ) d
    $$;

REVOKE ALL ON FUNCTION sla_due_tenants(timestamptz, integer) FROM PUBLIC;

-- The tenants with active time-based automations, for the scheduler's pass (owner's rights;
-- the pass itself runs per tenant under row-level security).
CREATE FUNCTION automation_tenants()
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT DISTINCT a.tenant_id FROM ticket_automations a WHERE (a.definition ->> 'active')::boolean IS NOT FALSE
    $$;

REVOKE ALL ON FUNCTION automation_tenants() FROM PUBLIC;

-- A survey link names no tenant: the public page finds the survey by its token's digest
-- (owner's rights), and everything after that runs under the survey's tenant.
CREATE FUNCTION satisfaction_survey_tenant(digest bytea)
    RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT s.tenant_id FROM satisfaction_surveys s WHERE s.token_digest = digest $$;

REVOKE ALL ON FUNCTION satisfaction_survey_tenant(bytea) FROM PUBLIC;

-- Surveys whose time to be sent has come, across tenants, for the scheduler.
CREATE FUNCTION satisfaction_due_tenants(due_by timestamptz)
    RETURNS TABLE (tenant_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$ SELECT DISTINCT s.tenant_id FROM satisfaction_surveys s WHERE s.sent_at IS NULL AND s.send_at <= due_by $$;

REVOKE ALL ON FUNCTION satisfaction_due_tenants(timestamptz) FROM PUBLIC;
