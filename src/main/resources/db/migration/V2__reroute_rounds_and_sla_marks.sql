-- A re-route starts a fresh round of waves; max-waves counts within one round.
ALTER TABLE offer ADD COLUMN routing_round INT DEFAULT 0 NOT NULL;

-- When each SLA warning / breach was recorded, so each is recorded at most once per deadline.
ALTER TABLE incident ADD COLUMN ack_warned_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN ack_breached_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN resolve_warned_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE incident ADD COLUMN resolve_breached_at TIMESTAMP(6) WITH TIME ZONE;
