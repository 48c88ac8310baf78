-- Full-text match (@@) is not LEAKPROOF, so under row-level security Postgres may not use the
-- GIN indexes for it and scans every tenant's rows. This function runs with the owner's rights
-- (not subject to RLS, so the indexes are usable) but reads the tenant from the transaction's
-- own setting: it can only ever see the caller's tenant.
--
-- The queries run through EXECUTE so that each call is planned with the actual search terms:
-- a common term walks the newest rows and stops after `cap` matches, a rare one uses the GIN
-- index. (A plan made for an unknown term picks one strategy for both and is slow for one.)
CREATE FUNCTION ticket_search_candidates(q tsquery, cap integer)
    RETURNS TABLE (ticket_id uuid)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public
    AS $$
    BEGIN
        RETURN QUERY EXECUTE
            '(SELECT s.id FROM tickets s
              WHERE s.tenant_id = app_current_tenant() AND s.search_vector @@ $1
              ORDER BY s.updated_at DESC LIMIT $2)
             UNION
             (SELECT c.ticket_id FROM comments c
              WHERE c.tenant_id = app_current_tenant() AND c.search_vector @@ $1
              ORDER BY c.created_at DESC LIMIT $2)'
            USING q, cap;
    END
    $$;

REVOKE ALL ON FUNCTION ticket_search_candidates(tsquery, integer) FROM PUBLIC;
