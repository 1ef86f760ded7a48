-- The RFM ranking kept from the last full recomputation (io.motcrm.customer.insight.Insights): per score
-- (quintile 1-5), the first member of that quintile on each dimension, as (value, customer id), the order
-- ntile() ranked them in. A purchase or return scores its customer against these at once; the full run
-- replaces them. An erasure replaces the erased customer's id here by the nil UUID.
create table rfm_boundary (
    score              smallint    primary key check (score between 1 and 5),
    recency_at         timestamptz not null,
    recency_customer   uuid        not null,
    frequency          integer     not null,
    frequency_customer uuid        not null,
    monetary_minor     bigint      not null,
    monetary_customer  uuid        not null,
    population         integer     not null,
    ranked_at          timestamptz not null
);
