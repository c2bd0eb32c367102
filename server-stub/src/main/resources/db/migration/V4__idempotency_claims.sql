-- A create with an Idempotency-Key claims the key before it does any work (rehosting the image,
-- the apply step), so that retries of one create that arrive together, at this instance or at
-- another one on the database, run it once: the primary key lets one of them in; the others wait
-- for its answer (idempotent_create) and replay it. The claim is released when the create's answer
-- is remembered (in the same transaction) or when the create fails: its claimed_at is set to the
-- epoch, not deleted (H2 fails reads that meet a row deleted meanwhile, error 90143). A claim whose
-- create died with its process is taken over once it is older than the lease
-- (ContactCardService.CLAIM_LEASE, 10 s).
-- Portable SQL: H2 and PostgreSQL read it alike.
CREATE TABLE idempotency_claim (
    partner_id      VARCHAR(200)  NOT NULL,
    idempotency_key VARCHAR(255)  NOT NULL,
    -- SHA-256 (hex) of the claiming create's field values: a retry with other values is refused
    request_hash    CHAR(64)      NOT NULL,
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, idempotency_key)
);
