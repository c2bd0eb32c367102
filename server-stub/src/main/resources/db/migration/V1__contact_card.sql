-- One contact card per (partner, phone number): the primary key is what makes two concurrent
-- creates of a number end with one card.
CREATE TABLE contact_card (
    partner_id       VARCHAR(200)  NOT NULL,
    phone_number     VARCHAR(16)   NOT NULL,
    first_name       VARCHAR(100)  NOT NULL,
    last_name        VARCHAR(100),
    -- the rehosted URL the API returns
    image_url        VARCHAR(4096),
    -- the image_url the partner sent; a new value is rehosted only when it differs from this one
    image_source_url VARCHAR(2048),
    is_active        BOOLEAN       NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (partner_id, phone_number)
);
