-- The spec's maxLength counts characters (code points); H2 counts UTF-16 units. A first or last
-- name of 100 characters takes up to 200 units, an image_url of 2048 characters up to 4096.
ALTER TABLE contact_card ALTER COLUMN first_name SET DATA TYPE VARCHAR(200);
ALTER TABLE contact_card ALTER COLUMN last_name SET DATA TYPE VARCHAR(200);
ALTER TABLE contact_card ALTER COLUMN image_source_url SET DATA TYPE VARCHAR(4096);
