-- Axon's JPA event store, token store and saga store as Hibernate maps them (ddl-auto=validate checks it),
-- with event payloads and metadata as blobs.

CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE domain_event_entry (
    global_index bigint NOT NULL PRIMARY KEY,
    event_identifier varchar(255) NOT NULL,
    meta_data blob,
    payload blob NOT NULL,
    payload_revision varchar(255),
    payload_type varchar(255) NOT NULL,
    time_stamp varchar(255) NOT NULL,
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number bigint NOT NULL,
    type varchar(255),
    CONSTRAINT domain_event_entry_aggregate_sequence UNIQUE (aggregate_identifier, sequence_number),
    CONSTRAINT domain_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE snapshot_event_entry (
    aggregate_identifier varchar(255) NOT NULL,
    sequence_number bigint NOT NULL,
    type varchar(255) NOT NULL,
    event_identifier varchar(255) NOT NULL,
    meta_data blob,
    payload blob NOT NULL,
    payload_revision varchar(255),
    payload_type varchar(255) NOT NULL,
    time_stamp varchar(255) NOT NULL,
    PRIMARY KEY (aggregate_identifier, sequence_number, type),
    CONSTRAINT snapshot_event_entry_event_identifier UNIQUE (event_identifier)
);

CREATE TABLE token_entry (
    processor_name varchar(255) NOT NULL,
    segment integer NOT NULL,
    owner varchar(255),
    timestamp varchar(255) NOT NULL,
    token blob,
    token_type varchar(255),
    PRIMARY KEY (processor_name, segment)
);

CREATE SEQUENCE association_value_entry_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE association_value_entry (
    id bigint NOT NULL PRIMARY KEY,
    association_key varchar(255) NOT NULL,
    association_value varchar(255),
    saga_id varchar(255) NOT NULL,
    saga_type varchar(255)
);
CREATE INDEX association_value_entry_saga ON association_value_entry (saga_id, saga_type);
CREATE INDEX association_value_entry_key ON association_value_entry (saga_type, association_key, association_value);

CREATE TABLE saga_entry (
    saga_id varchar(255) NOT NULL PRIMARY KEY,
    revision varchar(255),
    saga_type varchar(255),
    serialized_saga blob
);

CREATE TABLE dead_letter_entry (
    dead_letter_id varchar(255) NOT NULL PRIMARY KEY,
    cause_message varchar(1023),
    cause_type varchar(255),
    diagnostics blob,
    enqueued_at timestamp(6) with time zone NOT NULL,
    last_touched timestamp(6) with time zone,
    aggregate_identifier varchar(255),
    event_identifier varchar(255) NOT NULL,
    message_type varchar(255) NOT NULL,
    meta_data blob,
    payload blob NOT NULL,
    payload_revision varchar(255),
    payload_type varchar(255) NOT NULL,
    sequence_number bigint,
    time_stamp varchar(255) NOT NULL,
    token blob,
    token_type varchar(255),
    type varchar(255),
    processing_group varchar(255) NOT NULL,
    processing_started timestamp(6) with time zone,
    sequence_identifier varchar(255) NOT NULL,
    sequence_index bigint NOT NULL,
    CONSTRAINT dead_letter_entry_sequence UNIQUE (processing_group, sequence_identifier, sequence_index)
);
CREATE INDEX dead_letter_entry_group ON dead_letter_entry (processing_group);
CREATE INDEX dead_letter_entry_group_sequence ON dead_letter_entry (processing_group, sequence_identifier);
