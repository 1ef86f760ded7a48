-- Referral codes and who referred whom.

-- Each active customer's code to give to friends; retired (null) on erasure.
alter table customer add column referral_code text check (referral_code ~ '^[0-9A-HJKMNP-TV-Z]{8}$');
-- Customers who signed up before referral codes existed: hex digits are Crockford base32 symbols.
update customer set referral_code = upper(substr(md5(id::text || random()::text), 1, 8)) where status = 'ACTIVE';
create unique index customer_referral_code on customer (referral_code);

-- One referrer per customer (the referee is the key); completed by the referee's first purchase.
create table referral (
    referee_id   uuid        primary key references customer (id),
    referrer_id  uuid        not null references customer (id),
    linked_at    timestamptz not null,
    completed_at timestamptz,
    purchase_id  uuid        references purchase (id),
    constraint referral_not_self check (referee_id <> referrer_id),
    constraint referral_completed_by_purchase check ((completed_at is null) = (purchase_id is null))
);
create index referral_referrer on referral (referrer_id, linked_at);
