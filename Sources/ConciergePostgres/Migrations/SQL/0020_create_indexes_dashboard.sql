-- The supervisor dashboard counts a tenant's recent days: tickets created per day and channel
-- (an index-only range scan thanks to the included channel), tickets solved per day,
-- first-reply targets met or breached today, and this month's CSAT answers. Each count reads
-- one of these ranges instead of passing over all of a tenant's rows.
CREATE INDEX tickets_created ON tickets (tenant_id, created_at) INCLUDE (channel);
CREATE INDEX tickets_solved ON tickets (tenant_id, solved_at) WHERE solved_at IS NOT NULL;
CREATE INDEX ticket_sla_targets_first_reply_met ON ticket_sla_targets (tenant_id, fulfilled_at)
    WHERE metric = 'first_reply' AND breached_at IS NULL AND fulfilled_at IS NOT NULL;
CREATE INDEX ticket_sla_targets_first_reply_missed ON ticket_sla_targets (tenant_id, breached_at)
    WHERE metric = 'first_reply' AND breached_at IS NOT NULL;
CREATE INDEX satisfaction_surveys_answered ON satisfaction_surveys (tenant_id, answered_at)
    WHERE kind = 'csat' AND answered_at IS NOT NULL;
