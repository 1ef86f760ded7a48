-- The access log covers every staff read of a customer's data, in this service and the others
-- (their reads arrive as AccessRecorded through their outboxes): what was read is its section.
alter table profile_access add column section text;
update profile_access set section = case when action = 'EXPORT' then 'export' else 'profile' end;
alter table profile_access alter column section set not null;
alter table profile_access add constraint profile_access_section check (section ~ '^[a-z0-9][a-z0-9-]{0,39}$');
-- The retention purge finds purposes past their period by time.
create index profile_access_accessed_at on profile_access (accessed_at) where purpose not in ('(erased)', '(expired)');
