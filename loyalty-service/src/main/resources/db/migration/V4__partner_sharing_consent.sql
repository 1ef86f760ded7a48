-- The customer's latest partner_sharing choice (customer-service's consent-changed events): with it a partner
-- may be given the member code; without it only the partner's own pseudonymous reference. Deleted at erasure.
create table partner_sharing_consent (
    customer_id  uuid        primary key,
    granted      boolean     not null,
    changed_at   timestamptz not null,
    recorded_at  timestamptz not null
);
