-- The creates that carried an Idempotency-Key and stored a card: written in the same transaction as
-- the card, so a create whose answer was lost is never run twice, and every instance on the
-- database sees the same keys. The primary key makes a second create with the key (in this process
-- or another one) fail, and that create then answers as the first did. Rows older than 24 hours
-- are ignored and replaced. Portable SQL: H2 and PostgreSQL read it alike.
CREATE TABLE idempotent_create (
    partner_id      VARCHAR(200)  NOT NULL,
    idempotency_key VARCHAR(255)  NOT NULL,
    -- SHA-256 (hex) of the create's field values: the same key with other values is refused
    request_hash    CHAR(64)      NOT NULL,
    -- the card as the first create answered it, replayed to a retry
    phone_number    VARCHAR(16)   NOT NULL,
    first_name      VARCHAR(200)  NOT NULL,
    last_name       VARCHAR(200),
    image_url       VARCHAR(4096),
    is_active       BOOLEAN       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, idempotency_key)
);
CREATE INDEX idempotent_create_created_at ON idempotent_create (created_at);
