-- Who works cases: the staff directory (login = the token's preferred_username) and the teams that own
-- touchpoints (touchpoint.team is the owning team's code), with their members, named supervisor and the
-- escalation chain above the supervisor. Cases are assigned to a member; breaches escalate up the chain.
create table staff_member (
    login         varchar(200) primary key,
    display_name  varchar(200) not null,
    role          varchar(20)  not null check (role in ('agent', 'supervisor', 'admin')),
    active        boolean      not null default true,
    updated_at    timestamptz  not null
);

create table team (
    code                          varchar(100) primary key,
    name                          varchar(200) not null,
    supervisor                    varchar(200) references staff_member (login),
    -- Optional SLA targets of the team's cases, in place of the priority's (a drill or a premium desk).
    first_response_target_seconds bigint check (first_response_target_seconds > 0),
    resolution_target_seconds     bigint check (resolution_target_seconds > 0),
    -- Round robin: how many cases the team has been given so far.
    assigned_count                bigint       not null default 0,
    updated_at                    timestamptz  not null
);

create table team_member (
    team_code  varchar(100) not null references team (code) on delete cascade,
    login      varchar(200) not null references staff_member (login),
    primary key (team_code, login)
);
create index team_member_login on team_member (login);

-- Above the supervisor, in order: escalation level 2 goes to position 1, level 3 to position 2, ...
create table team_escalation (
    team_code  varchar(100) not null references team (code) on delete cascade,
    position   int          not null check (position >= 1),
    login      varchar(200) not null references staff_member (login),
    primary key (team_code, position)
);

-- A case without a member to own it waits in its team's queue (no owner) instead of carrying a made-up name.
alter table support_case alter column owner_name drop not null;
create index support_case_owner_open on support_case (owner_name) where status not in ('RESOLVED', 'CLOSED');
