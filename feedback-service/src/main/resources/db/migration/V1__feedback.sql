-- The MOT map: every moment of truth where feedback is captured.
create table touchpoint (
    id          uuid primary key,
    code        varchar(64)  not null unique,
    name        varchar(200) not null,
    channel     varchar(20)  not null,
    stage       varchar(20)  not null,
    team        varchar(100) not null,
    active      boolean      not null default true,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null default 0
);

create table feedback (
    id                  uuid primary key,
    type                varchar(20)  not null,
    csat                int check (csat between 1 and 5),
    nps                 int check (nps between 0 and 10),
    ces                 int check (ces between 1 and 7),
    text                varchar(2000),
    touchpoint_id       uuid         not null references touchpoint (id),
    channel             varchar(20)  not null,
    customer_id         uuid,
    source              varchar(20)  not null,
    submitted_by        varchar(200) not null,
    submitted_at        timestamptz  not null,
    redacted            boolean      not null default false,
    suggestion_status   varchar(20),
    suggestion_response varchar(2000),
    suggestion_updated_at timestamptz
);
-- Analytics scan a period, grouped by touchpoint; customers list their own.
-- Covering: a period's analytics read only the index (once the visibility map is set by vacuum).
create index feedback_submitted_at on feedback (submitted_at) include (touchpoint_id, channel, type, csat, nps);
create index feedback_touchpoint_submitted on feedback (touchpoint_id, submitted_at) include (type, csat, nps);
create index feedback_customer on feedback (customer_id, submitted_at desc) where customer_id is not null;

create table support_case (
    id                      uuid primary key,
    feedback_id             uuid         not null unique references feedback (id),
    touchpoint_id           uuid         not null references touchpoint (id),
    channel                 varchar(20)  not null,
    customer_id             uuid,
    team                    varchar(100) not null,
    status                  varchar(30)  not null,
    severity                varchar(10)  not null,
    detractor               boolean      not null,
    priority                varchar(2)   not null,
    value_pending           boolean      not null default false,
    lifecycle_stage         varchar(40),
    lifetime_value_minor    bigint,
    owner_name              varchar(200) not null,
    opened_at               timestamptz  not null,
    first_response_at       timestamptz,
    first_response_seconds  bigint,
    resolved_at             timestamptz,
    resolution_seconds      bigint,
    closed_at               timestamptz,
    root_cause              varchar(60),
    reopen_count            int          not null default 0,
    paused_seconds          bigint       not null default 0,
    paused_since            timestamptz,
    first_response_breached boolean      not null default false,
    resolution_breached     boolean      not null default false,
    escalation_level        int          not null default 0,
    recovery_token_hash     varchar(64),
    recovery_requested_at   timestamptz,
    recovery_csat           int check (recovery_csat between 1 and 5),
    recovery_rated_at       timestamptz,
    version                 bigint       not null default 0
);
create index support_case_opened on support_case (opened_at) include (touchpoint_id, channel, first_response_breached,
    resolution_breached, first_response_seconds, resolution_seconds, reopen_count, recovery_csat);
create index support_case_customer on support_case (customer_id, opened_at desc) where customer_id is not null;
create index support_case_open on support_case (status) where status not in ('RESOLVED', 'CLOSED');
create index support_case_value_pending on support_case (opened_at) where value_pending;
create unique index support_case_recovery_token on support_case (recovery_token_hash) where recovery_token_hash is not null;

-- Everything that happened to a case, in order: transitions, assignments, notes, actions, breaches, escalations.
create table case_history (
    id        bigserial primary key,
    case_id   uuid         not null references support_case (id),
    at        timestamptz  not null,
    actor     varchar(200) not null,
    kind      varchar(40)  not null,
    detail    varchar(2000)
);
create index case_history_case on case_history (case_id, id);

create table case_note (
    id          uuid primary key,
    case_id     uuid         not null references support_case (id),
    at          timestamptz  not null,
    author      varchar(200) not null,
    visibility  varchar(20)  not null,
    text        varchar(4000),
    redacted    boolean      not null default false
);
create index case_note_case on case_note (case_id, at);

create table case_escalation (
    id        bigserial primary key,
    case_id   uuid         not null references support_case (id),
    level     int          not null,
    role      varchar(20)  not null,
    escalated_to varchar(200) not null,
    reason    varchar(40)  not null,
    at        timestamptz  not null,
    unique (case_id, level)
);

create table case_action (
    id               uuid primary key,
    case_id          uuid         not null references support_case (id),
    kind             varchar(20)  not null,
    points           bigint       not null default 0 check (points >= 0),
    note             varchar(2000),
    status           varchar(20)  not null,
    requested_by     varchar(200) not null,
    requested_role   varchar(20)  not null,
    requested_at     timestamptz  not null,
    decided_by       varchar(200),
    decision_reason  varchar(2000),
    decided_at       timestamptz
);
create index case_action_case on case_action (case_id);
create index case_action_requester_day on case_action (requested_by, requested_at) where status = 'APPLIED';
create index case_action_pending on case_action (requested_at) where status = 'PENDING_APPROVAL';

-- The live stream's log: operators reconnecting resume after the last id they saw.
create table mot_event (
    id           bigserial primary key,
    at           timestamptz  not null,
    kind         varchar(30)  not null,
    team         varchar(100),
    payload      varchar(4000) not null
);

create table erasure (
    erasure_id   uuid primary key,
    customer_id  uuid         not null,
    erased_at    timestamptz  not null,
    received_at  timestamptz  not null,
    feedback_redacted int     not null,
    cases_unlinked    int     not null
);
