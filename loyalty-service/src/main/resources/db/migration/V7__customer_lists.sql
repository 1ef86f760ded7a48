-- A customer may revoke an unused one-time code: it then can no longer be used, and stays listed as revoked until
-- the codes' retention deletes it with the rest (motcrm.retention.redemption-codes after it expired).
alter table redemption_code add column revoked_at timestamptz;
alter table redemption_code add constraint redemption_code_revoked_or_used check (revoked_at is null or used_at is null);

-- The customer's lists, newest first, a page at a time.
create index redemption_code_account_created on redemption_code (account_id, created_at desc, code desc);
drop index redemption_code_account;
create index donation_account_transaction on donation (account_id, transaction_id desc);
drop index donation_account;
-- A partner's settlement lines in order, a page at a time (replaces partner_movement_partner).
create index partner_movement_partner_line on partner_movement (partner_id, created_at, id);
drop index partner_movement_partner;
