-- The purchase amount a partner earn was booked for, so that the same reference sent again with another
-- amount is refused instead of answered as a duplicate of a different purchase. Null on captures and refunds,
-- and on earns booked before this column existed.
alter table partner_movement add column amount_minor bigint check (amount_minor > 0);
