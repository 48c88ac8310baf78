-- Inbound email and inbound webhooks. Mailboxes are connectors of kind 'mailbox' (settings.address, optional IMAP
-- settings, the IMAP password sealed with the other connector secrets).
--
-- email_messages holds one row per Message-ID a tenant received or sent: a message received
-- twice (IMAP re-read, an MX retrying) is recognised, a reply finds its ticket through the ids
-- it names (In-Reply-To, References), and the per-sender rate is counted from it. Outgoing
-- rows are written when the relay accepts an email about a ticket.
CREATE TABLE email_messages (
    tenant_id uuid NOT NULL REFERENCES tenants (id) ON DELETE CASCADE,
    message_id text NOT NULL,
    direction text NOT NULL CHECK (direction IN ('in', 'out')),
    connector_id uuid,
    ticket_id uuid,
    comment_id uuid,
    sender text,
    outcome text NOT NULL,
    reason text,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, message_id),
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE SET NULL (ticket_id),
    FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE SET NULL (connector_id)
);
CREATE INDEX email_messages_by_sender ON email_messages (tenant_id, sender, created_at DESC) WHERE direction = 'in';
CREATE INDEX email_messages_by_ticket ON email_messages (tenant_id, ticket_id) WHERE ticket_id IS NOT NULL;

-- Where the poller stopped in each IMAP mailbox: the folder's UIDVALIDITY and the last UID
-- turned into tickets (a new UIDVALIDITY means the folder was rebuilt: read it again, the
-- Message-IDs keep that from duplicating anything), and the last poll's outcome.
CREATE TABLE mailbox_cursors (
    tenant_id uuid NOT NULL,
    connector_id uuid NOT NULL,
    uid_validity bigint,
    last_uid bigint NOT NULL DEFAULT 0,
    polled_at timestamptz,
    last_error text,
    PRIMARY KEY (tenant_id, connector_id),
    FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE
);

-- The external ids an inbound webhook has turned into tickets: a retried alert finds its
-- ticket instead of opening a second one (or, with update_existing, adds to it).
CREATE TABLE webhook_intake (
    tenant_id uuid NOT NULL,
    connector_id uuid NOT NULL,
    external_id text NOT NULL,
    ticket_id uuid,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (tenant_id, connector_id, external_id),
    FOREIGN KEY (tenant_id, connector_id) REFERENCES connectors (tenant_id, id) ON DELETE CASCADE,
    FOREIGN KEY (tenant_id, ticket_id) REFERENCES tickets (tenant_id, id) ON DELETE SET NULL (ticket_id)
);

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['email_messages', 'mailbox_cursors', 'webhook_intake']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())',
            t);
    END LOOP;
END
$$;

-- An address belongs to one mailbox of one tenant, across all tenants.
CREATE UNIQUE INDEX connectors_mailbox_address ON connectors (lower(settings ->> 'address')) WHERE kind = 'mailbox';

-- The inbound SMTP endpoint learns the tenant from the recipient (owner's rights; the intake
-- itself runs under the mailbox's tenant).
CREATE FUNCTION mailbox_for_address(recipient text)
    RETURNS TABLE (tenant_id uuid, connector_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT c.tenant_id, c.id FROM connectors c JOIN tenants t ON t.id = c.tenant_id
        WHERE c.kind = 'mailbox' AND c.enabled AND lower(c.settings ->> 'address') = lower(recipient)
          AND t.status = 'active'
    $$;

REVOKE ALL ON FUNCTION mailbox_for_address(text) FROM PUBLIC;

-- The enabled IMAP mailboxes of active tenants, for the scheduler's polling pass.
CREATE FUNCTION polled_mailboxes()
    RETURNS TABLE (tenant_id uuid, connector_id uuid)
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public
    AS $$
        SELECT c.tenant_id, c.id FROM connectors c JOIN tenants t ON t.id = c.tenant_id
        WHERE c.kind = 'mailbox' AND c.enabled AND c.settings ? 'imap_host' AND t.status = 'active'
        ORDER BY c.tenant_id, c.id
    $$;

REVOKE ALL ON FUNCTION polled_mailboxes() FROM PUBLIC;
