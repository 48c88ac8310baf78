-- Ticket numbers come from one counter row per tenant. Taken inside a ticket's transaction, the
-- row would stay locked until that transaction's commit, WAL flush included, and a tenant's
-- creates would queue behind each other (≈ 2 ms each on a durable disk). This function takes a
-- number as the only statement of its own transaction, so the lock lasts one UPDATE, and that
-- transaction commits without waiting for the flush (synchronous_commit off, local to it).
--
-- Skipping the wait cannot hand a number out twice: a ticket using the number commits
-- durably later, and flushing its commit record flushes everything before it in the WAL, this
-- counter update included. A crash can only lose an update whose number no committed ticket
-- used (a gap, as a rejected create already leaves).
--
-- The same row carries the version of the tenant's ticket configuration (custom fields and
-- forms), bumped by every change to them, so that an API process can keep that configuration
-- in memory and know, from the number it takes anyway, whether its copy is current.
--
-- It runs with the caller's rights: row-level security applies, for the tenant it is given.
ALTER TABLE ticket_counters ADD COLUMN config_version bigint NOT NULL DEFAULT 0;

CREATE FUNCTION ticket_number_take(p_tenant uuid, OUT number bigint, OUT config_version bigint)
    LANGUAGE plpgsql VOLATILE SET search_path = public
    AS $$
    BEGIN
        PERFORM set_config('app.tenant_id', p_tenant::text, true);
        PERFORM set_config('synchronous_commit', 'off', true);
        INSERT INTO ticket_counters AS c (tenant_id, last_number) VALUES (p_tenant, 1001)
        ON CONFLICT (tenant_id) DO UPDATE SET last_number = c.last_number + 1
        RETURNING c.last_number, c.config_version INTO number, config_version;
    END
    $$;

REVOKE ALL ON FUNCTION ticket_number_take(uuid) FROM PUBLIC;

-- A tenant without a counter row has never taken a number, so no process holds its
-- configuration yet: there is nothing to bump.
CREATE FUNCTION ticket_config_touch() RETURNS trigger
    LANGUAGE plpgsql SET search_path = public
    AS $$
    BEGIN
        UPDATE ticket_counters SET config_version = config_version + 1
        WHERE tenant_id = CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
        RETURN NULL;
    END
    $$;

CREATE TRIGGER custom_field_definitions_touch_config
    AFTER INSERT OR UPDATE OR DELETE ON custom_field_definitions
    FOR EACH ROW EXECUTE FUNCTION ticket_config_touch();

CREATE TRIGGER ticket_forms_touch_config
    AFTER INSERT OR UPDATE OR DELETE ON ticket_forms
    FOR EACH ROW EXECUTE FUNCTION ticket_config_touch();
