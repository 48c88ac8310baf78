-- Run by scripts/bench/bench.sh before every load: removes what earlier load runs added to the
-- measured tenant (tickets past the seeded numbers with their comments, customers and
-- identities created by those runs, their events and job records) and resets its ticket
-- counter, so every run measures the same data set.
SET client_min_messages = warning;

CREATE TEMP TABLE bench_reset AS
SELECT (s.stats -> 'tenants' ->> 'bench')::uuid AS tenant_id,
       1000 + (s.params ->> 'tickets')::bigint AS last_number,
       s.finished_at
FROM bench.seed_state s;

-- The foreign key tickets (tenant_id, merged_into_id) has no index: every deleted ticket would
-- make Postgres scan all tickets for rows merged into it (minutes for a few thousand). A
-- temporary partial index (empty: no seeded ticket is merged) serves those checks and is
-- dropped again, so the load runs against the application's schema.
DO $$
BEGIN
    IF EXISTS (SELECT FROM tickets t JOIN bench_reset r ON t.tenant_id = r.tenant_id AND t.number > r.last_number) THEN
        CREATE INDEX bench_reset_merged_into ON tickets (tenant_id, merged_into_id) WHERE merged_into_id IS NOT NULL;
        DELETE FROM tickets t USING bench_reset r WHERE t.tenant_id = r.tenant_id AND t.number > r.last_number;
        DROP INDEX bench_reset_merged_into;
    END IF;
END
$$;
DELETE FROM customers c USING bench_reset r WHERE c.tenant_id = r.tenant_id AND c.created_at > r.finished_at;
DELETE FROM events e USING bench_reset r WHERE e.tenant_id = r.tenant_id AND e.occurred_at > r.finished_at;
DELETE FROM outbox o USING bench_reset r WHERE o.tenant_id = r.tenant_id AND o.created_at > r.finished_at;
DELETE FROM ticket_sla_targets s USING bench_reset r WHERE s.tenant_id = r.tenant_id;
DELETE FROM processed_jobs p USING bench_reset r WHERE p.tenant_id = r.tenant_id AND p.processed_at > r.finished_at;
DELETE FROM connector_deliveries d USING bench_reset r WHERE d.tenant_id = r.tenant_id AND d.created_at > r.finished_at;
DELETE FROM email_messages m USING bench_reset r WHERE m.tenant_id = r.tenant_id AND m.created_at > r.finished_at;
UPDATE ticket_counters c SET last_number = r.last_number FROM bench_reset r WHERE c.tenant_id = r.tenant_id;

-- Dead rows of the deletes out of the way (all-visible pages are skipped: quick when nothing was deleted).
VACUUM tickets, comments, customers, customer_identities, events;
