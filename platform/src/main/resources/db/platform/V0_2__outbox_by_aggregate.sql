-- Outbox#messagesAbout: a service shows the progress of one aggregate's messages (e.g. an erasure).
create index outbox_message_aggregate on outbox_message (aggregate_type, aggregate_id, id);
