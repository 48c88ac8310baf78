-- Replaces ticket_search_candidates (0007) with a function that also ranks: each candidate's
-- ts_rank is computed from the vector the candidate scan has already read (the ticket's own
-- text, or the matching comment's), so the caller no longer reads every candidate ticket again
-- just to rank it, and only the page's rows are fetched. A match in a comment counts half as
-- much as the same match in the ticket's own subject and description; a ticket matched by
-- several texts takes its best rank; `recency` (the ticket's updated_at, or the newest
-- matching comment's created_at) breaks ties.
--
-- Same security shape as 0007: SECURITY DEFINER so the GIN indexes are usable (@@ is not
-- LEAKPROOF), bound to the transaction's own tenant (app_current_tenant()), planned per call
-- through EXECUTE so that common and rare terms each get their own plan.
CREATE FUNCTION ticket_search_ranked(q tsquery, cap integer)
    RETURNS TABLE (ticket_id uuid, rank real, recency timestamptz)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
    ROWS 400
    AS $$
    BEGIN
        RETURN QUERY EXECUTE
            'SELECT m.ticket_id, max(m.rank), max(m.recency) FROM (
                (SELECT s.id AS ticket_id, ts_rank(s.search_vector, $1) AS rank, s.updated_at AS recency
                 FROM tickets s
                 WHERE s.tenant_id = app_current_tenant() AND s.search_vector @@ $1
                 ORDER BY s.updated_at DESC LIMIT $2)
                UNION ALL
                (SELECT c.ticket_id, ts_rank(c.search_vector, $1) / 2::real, c.created_at
                 FROM comments c
                 WHERE c.tenant_id = app_current_tenant() AND c.search_vector @@ $1
                 ORDER BY c.created_at DESC LIMIT $2)
             ) m GROUP BY m.ticket_id'
            USING q, cap;
    END
    $$;

REVOKE ALL ON FUNCTION ticket_search_ranked(tsquery, integer) FROM PUBLIC;

DROP FUNCTION ticket_search_candidates(tsquery, integer);
