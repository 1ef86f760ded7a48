-- The retention purge (RetentionJob) finds what is past its time by these.
create index redemption_code_expiry on redemption_code (expires_at);
create index redemption_code_kept on redemption (created_at) where code is not null;
create index compensation_reason_kept on compensation (granted_at) where reason is not null;
