-- A store written before Flyway owned the schema is baselined at V1; its event sequence was created with Hibernate's
-- default increment of 50, and Axon asks for 1 so that its gap detection sees the true order of commits.
ALTER SEQUENCE domain_event_entry_seq INCREMENT BY 1;

-- The facts of other contexts this service has reacted to: a redelivered fact is recognised by its event id. Written
-- in the transaction that appends the reaction's events and moves the processor's token.
CREATE TABLE inbound_event (
    processor_name varchar(255) NOT NULL,
    event_id varchar(255) NOT NULL,
    PRIMARY KEY (processor_name, event_id)
);

-- One row the health check writes, so that health is DOWN when the store cannot take a write.
CREATE TABLE trial_store_health (
    id integer NOT NULL PRIMARY KEY,
    checked_at varchar(64)
);
INSERT INTO trial_store_health (id, checked_at) VALUES (1, NULL);
