-- Full-text match (@@) is not LEAKPROOF, so under row-level security Postgres may not use the
-- GIN indexes for it and scans every tenant's rows. This function runs with the owner's rights
-- (not subject to RLS, so the indexes are usable) but reads the tenant from the transaction's
-- own setting: it can only ever see the caller's tenant.
CREATE FUNCTION ticket_search_candidates(q tsquery, cap integer)
    RETURNS TABLE (ticket_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        (SELECT s.id FROM tickets s
         WHERE s.tenant_id = app_current_tenant() AND s.search_vector @@ q
         ORDER BY s.updated_at DESC LIMIT cap)
        UNION
        (SELECT c.ticket_id FROM comments c
         WHERE c.tenant_id = app_current_tenant() AND c.search_vector @@ q
         ORDER BY c.created_at DESC LIMIT cap)
    $$;

REVOKE ALL ON FUNCTION ticket_search_candidates(tsquery, integer) FROM PUBLIC;
