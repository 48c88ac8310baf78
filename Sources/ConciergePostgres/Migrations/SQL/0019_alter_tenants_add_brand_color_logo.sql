-- A tenant's brand: the colour its pages' header and buttons take on, and a logo.
-- Control plane like the rest of `tenants` (read by key only). The logo's bytes live in the row
-- (at most 256 KB, stored out of line by TOAST) and are read only when the logo is served;
-- its type and version (a digest the URLs carry) are read with the tenant.

ALTER TABLE tenants
    ADD COLUMN brand_color text CHECK (brand_color ~ '^#[0-9a-f]{6}$'),
    ADD COLUMN logo_content_type text CHECK (logo_content_type IN ('image/png', 'image/jpeg', 'image/gif', 'image/webp')),
    ADD COLUMN logo_version text CHECK (logo_version ~ '^[0-9a-f]{16}$'),
    ADD COLUMN logo_bytes bytea CHECK (octet_length(logo_bytes) BETWEEN 1 AND 262144),
    ADD CONSTRAINT tenants_logo_complete CHECK (
        (logo_content_type IS NULL) = (logo_version IS NULL) AND (logo_version IS NULL) = (logo_bytes IS NULL));
