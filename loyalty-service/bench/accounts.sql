-- Customer accounts with points and one-time redemption codes, for the redemption benchmarks
-- (loyalty-service/bench/redemption.sh, bench/suite.sh). psql variables:
--   prefix     unique per run: member codes are <prefix>-<n>, codes <prefix>U<n> / <prefix>H<n>
--   customers  uncontended accounts (1000 points each), plus one hot account <prefix>-0
--   codes      codes of each kind: uncontended ones spread over the accounts, hot ones all on <prefix>-0
-- Each account gets its points as one balanced EARN transaction from the issuance account and one lot,
-- exactly as an earn would book them, so the ledger's invariants hold afterwards.
insert into account (type, owner_ref, status, member_code, posted, held, locked, created_at, updated_at)
select 'CUSTOMER', gen_random_uuid()::text, 'OPEN', :'prefix' || '-' || i,
       case when i = 0 then 10 * :codes else 1000 end, 0, 0, now(), now()
from generate_series(0, :customers) i;
insert into ledger_transaction (kind, reference, description, created_at)
select 'EARN', 'bench-seed:' || id, 'Benchmark seed', now()
from account where type = 'CUSTOMER' and member_code like :'prefix' || '-%';
insert into ledger_entry (transaction_id, account_id, amount, created_at)
select t.id, a.id, a.posted, now()
from account a join ledger_transaction t on t.reference = 'bench-seed:' || a.id
where a.type = 'CUSTOMER' and a.member_code like :'prefix' || '-%'
union all
select t.id, (select id from account where type = 'ISSUANCE'), -a.posted, now()
from account a join ledger_transaction t on t.reference = 'bench-seed:' || a.id
where a.type = 'CUSTOMER' and a.member_code like :'prefix' || '-%';
insert into lot (account_id, transaction_id, points, remaining, earned_at, expires_at, locked)
select a.id, t.id, a.posted, a.posted, now(), now() + interval '2 years', false
from account a join ledger_transaction t on t.reference = 'bench-seed:' || a.id
where a.type = 'CUSTOMER' and a.member_code like :'prefix' || '-%';

insert into redemption_code (code, account_id, created_at, expires_at)
select :'prefix' || 'U' || lpad(g::text, 9, '0'), a.id, now(), now() + interval '1 day'
from generate_series(1, :codes) g join account a on a.member_code = :'prefix' || '-' || (1 + g % :customers);
insert into redemption_code (code, account_id, created_at, expires_at)
select :'prefix' || 'H' || lpad(g::text, 9, '0'), a.id, now(), now() + interval '1 day'
from generate_series(1, :codes) g, account a where a.member_code = :'prefix' || '-0';
analyze;
