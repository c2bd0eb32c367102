-- The Idempotency-Keys of creates, in one table of their own (package idempotency): a row is a
-- claim while its create runs (claimed_at set, no answer) and the create's answer once it stored a
-- card (answered_at and the card's fields set, in the card's transaction; claimed_at back at the
-- epoch). The primary key lets one claim of a key in: of concurrent creates with the key, in any
-- number of instances on the database, exactly one runs; the others replay its answer. A claim
-- whose create failed is set back to the epoch, not deleted (H2 fails reads that meet a row
-- deleted meanwhile, error 90143); one whose create died with its process is taken over after the
-- lease; an answer older than 24 hours is overwritten by the next create with the key.
-- Replaces idempotent_create and idempotency_claim: every remembered answer is kept; claims of
-- creates still running while this migrates are not (their creates then answer 409 to a retry).
-- Portable SQL: H2 and PostgreSQL read it alike.
CREATE TABLE idempotency_key (
    partner_id      VARCHAR(200)  NOT NULL,
    idempotency_key VARCHAR(255)  NOT NULL,
    -- SHA-256 (hex) of the create's field values: the same key with other values is refused
    request_hash    CHAR(64)      NOT NULL,
    -- when the running create claimed the key; the epoch once it answered or failed
    claimed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the card as the create answered it, replayed to a retry; all null while it runs
    phone_number    VARCHAR(16),
    first_name      VARCHAR(200),
    last_name       VARCHAR(200),
    image_url       VARCHAR(4096),
    is_active       BOOLEAN,
    answered_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (partner_id, idempotency_key)
);
INSERT INTO idempotency_key (partner_id, idempotency_key, request_hash, claimed_at, phone_number, first_name,
                             last_name, image_url, is_active, answered_at)
SELECT partner_id, idempotency_key, request_hash, TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00',
       phone_number, first_name, last_name, image_url, is_active, created_at
FROM idempotent_create;
DROP TABLE idempotency_claim;
DROP TABLE idempotent_create;
