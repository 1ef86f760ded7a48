-- An erasure redacts what a customer or staff member wrote into a transaction (a spend's own reference and
-- description): the reference becomes 'erased:<id>' and the description a generic one. Nothing else of a
-- transaction ever changes, and entries (the amounts) stay strictly append-only.
create function ledger_transaction_redact_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' and new.id = old.id and new.kind = old.kind and new.created_at = old.created_at
       and new.reverses_transaction_id is not distinct from old.reverses_transaction_id
       and new.reference = 'erased:' || old.id then
        return new;
    end if;
    raise exception '% is append-only: % is not allowed (only the redaction of an erased customer''s texts)',
        tg_table_name, tg_op using errcode = '42501';
end
$$;
drop trigger ledger_transaction_append_only on ledger_transaction;
create trigger ledger_transaction_append_only before update or delete on ledger_transaction
    for each row execute function ledger_transaction_redact_only();

-- A redemption forgets the one-time code it was made with (at erasure, or after the codes' retention).
alter table redemption alter column code drop not null;

-- Customers erased before this version: their texts and codes go now, as they would at a new erasure.
update compensation set reason = null
where reason is not null and account_id in (select account_id from erasure where account_id is not null);
delete from redemption_code where account_id in (select account_id from erasure where account_id is not null);
update redemption set code = null
where code is not null and account_id in (select account_id from erasure where account_id is not null);
update ledger_transaction t set reference = 'erased:' || t.id, description = 'Points spent'
where t.kind = 'SPEND' and t.reference <> 'erased:' || t.id
  and exists (select 1 from ledger_entry e join erasure x on x.account_id = e.account_id where e.transaction_id = t.id);
