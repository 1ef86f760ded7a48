-- A touchpoint's public links carry its link version (and an expiry); rotating the version revokes every
-- earlier link. Existing touchpoints start at version 1; links issued before versions existed carry none.
alter table touchpoint add column link_version int not null default 1 check (link_version >= 1);
