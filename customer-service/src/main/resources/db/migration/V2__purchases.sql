-- Purchases with their lines, and returns against them. A purchase is identified by the ordering
-- system's id (external_order_id, unique per source), so a retried or concurrent duplicate is one row.

create table purchase (
    id                uuid        primary key,
    customer_id       uuid        not null references customer (id),
    source            text        not null check (source ~ '^[a-z0-9][a-z0-9._-]{0,39}$'),
    external_order_id text        not null check (length(external_order_id) between 1 and 100),
    occurred_at       timestamptz not null,
    channel           text        not null check (channel in ('STORE', 'WEB', 'APP', 'CALL_CENTRE', 'DELIVERY', 'CHAT')),
    touchpoint_code   text        check (touchpoint_code ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    total_minor       bigint      not null check (total_minor >= 0),
    returned_minor    bigint      not null default 0 check (returned_minor between 0 and total_minor),
    -- Fingerprint of what was recorded: the same order id with other contents is a conflict, not a retry.
    request_hash      text        not null,
    recorded_at       timestamptz not null,
    constraint purchase_source_order unique (source, external_order_id)
);
-- History per customer, newest first; insight aggregates by customer.
create index purchase_customer on purchase (customer_id, occurred_at desc, id);

create table purchase_line (
    purchase_id       uuid        not null references purchase (id),
    line_no           integer     not null check (line_no between 1 and 500),
    sku               text        not null check (length(sku) between 1 and 64),
    category          text        not null check (length(category) between 1 and 64),
    quantity          integer     not null check (quantity > 0),
    unit_price_minor  bigint      not null check (unit_price_minor >= 0),
    returned_quantity integer     not null default 0 check (returned_quantity between 0 and quantity),
    primary key (purchase_id, line_no)
);
-- Co-purchase recommendations: the baskets holding a sku.
create index purchase_line_sku on purchase_line (sku, purchase_id);

create table purchase_return (
    id             uuid        primary key,
    purchase_id    uuid        not null references purchase (id),
    returned_minor bigint      not null check (returned_minor >= 0),
    occurred_at    timestamptz not null,
    recorded_by    text        not null
);
create index purchase_return_purchase on purchase_return (purchase_id, occurred_at);

create table purchase_return_line (
    return_id   uuid    not null references purchase_return (id),
    purchase_id uuid    not null,
    line_no     integer not null,
    quantity    integer not null check (quantity > 0),
    primary key (return_id, line_no),
    foreign key (purchase_id, line_no) references purchase_line (purchase_id, line_no)
);
