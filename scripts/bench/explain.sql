-- EXPLAIN ANALYZE of the statements behind the benchmarked reads, as the application role
-- (row-level security in force, exactly as concierge-api runs them) on the bench database:
--
--   PGPASSWORD=concierge_app psql -X -h 127.0.0.1 -p 55434 -U concierge_app -d concierge \
--       -f scripts/bench/explain.sql [-v q=退货]
--
-- The SQL mirrors ConciergePostgres/Tickets/TicketQuerySQL.swift at commit 2f8ddb7 (list:
-- keyset order by updated_at; search: the newest matching tickets and comments, ranked); if
-- that file changes, compare before trusting these plans. Try -v q=so20240500000 (an order
-- number: a rare term) next to a common word. Literals replace the bind parameters, which
-- gives the plans of custom (not generic) prepared statements.
\set ON_ERROR_STOP 1
\if :{?q}
\else
\set q 退货
\endif
\set cols 't.id, t.number, t.subject, t.description, t.status, t.priority, t.type, t.channel, t.requester_id, t.organization_id, t.assignee_id, t.group_id, t.follower_ids, t.tags, t.custom_fields::text, t.due_at, t.parent_id, t.merged_into_id, t.created_at, t.updated_at, t.first_response_at, t.solved_at, t.closed_at, t.version::int8'

SELECT id AS tenant FROM tenants WHERE slug = 'bench' \gset
BEGIN;
SELECT set_config('app.tenant_id', :'tenant', true) \g /dev/null
SELECT assignee_id AS agent FROM tickets WHERE tenant_id = :'tenant' AND status IN ('open', 'pending')
    GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 \gset
SELECT group_id AS grp FROM tickets WHERE tenant_id = :'tenant' AND status = 'new' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 \gset
SELECT requester_id AS requester FROM tickets WHERE tenant_id = :'tenant' GROUP BY 1 ORDER BY count(*) DESC LIMIT 1 \gset
SELECT query AS tsq FROM (SELECT string_agg(bench_q, ' & ') AS query FROM (
    SELECT DISTINCT ON (t) '''' || replace(t, '''', '''''') || '''' AS bench_q
    FROM unnest(regexp_split_to_array(:'q', '\s+')) AS t WHERE t <> '') s) x \gset

\echo '=== view: status=open,pending&assignee=<busiest agent>'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :cols FROM tickets t WHERE t.tenant_id = :'tenant' AND t.status = ANY ('{open,pending}') AND t.assignee_id = :'agent'
ORDER BY t.updated_at DESC, t.id DESC LIMIT 51;

\echo '=== view: group_id=<group>&status=new'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :cols FROM tickets t WHERE t.tenant_id = :'tenant' AND t.status = ANY ('{new}') AND t.group_id = ANY (ARRAY[:'grp']::uuid[])
ORDER BY t.updated_at DESC, t.id DESC LIMIT 51;

\echo '=== view: tags=vip'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :cols FROM tickets t WHERE t.tenant_id = :'tenant' AND t.tags @> '{vip}'::text[]
ORDER BY t.updated_at DESC, t.id DESC LIMIT 51;

\echo '=== customer tickets (360 stand-in): requester_id=<busiest requester>'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :cols FROM tickets t WHERE t.tenant_id = :'tenant' AND t.requester_id = :'requester'
ORDER BY t.updated_at DESC, t.id DESC LIMIT 51;

\echo '=== search: q=' :'q' '→ tsquery' :'tsq' '(q is split at spaces into terms: give Chinese as bigrams, e.g. -v q="打印 印机")'
-- Since commit 2f8ddb7 only the newest 400 matching tickets and 400 matching comments are ranked.
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT :cols FROM tickets t
WHERE t.tenant_id = :'tenant'
  AND t.id IN ((SELECT s.id FROM tickets s WHERE s.tenant_id = :'tenant' AND s.search_vector @@ to_tsquery('simple', :'tsq')
                ORDER BY s.updated_at DESC LIMIT 400)
               UNION (SELECT c.ticket_id FROM comments c WHERE c.tenant_id = :'tenant' AND c.search_vector @@ to_tsquery('simple', :'tsq')
                ORDER BY c.created_at DESC LIMIT 400))
ORDER BY ts_rank(t.search_vector, to_tsquery('simple', :'tsq')) DESC, t.updated_at DESC, t.id DESC LIMIT 51 OFFSET 0;
ROLLBACK;
