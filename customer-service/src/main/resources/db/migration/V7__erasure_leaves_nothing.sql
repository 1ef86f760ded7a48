-- A retired member code is kept only as its SHA-256, enough to never issue it again: the code itself,
-- printed on the erased customer's card, is no longer stored.
alter table retired_member_code add column code_sha256 text;
update retired_member_code set code_sha256 = encode(sha256(convert_to(member_code, 'UTF8')), 'hex');
alter table retired_member_code drop constraint retired_member_code_pkey;
alter table retired_member_code drop column member_code;
alter table retired_member_code alter column code_sha256 set not null;
alter table retired_member_code add primary key (code_sha256);
