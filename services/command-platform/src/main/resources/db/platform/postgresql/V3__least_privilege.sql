-- Events are facts: nobody edits or deletes them. The service's database role (granted trial_event_writer) may
-- append to and read the event store, never UPDATE or DELETE it. Tokens, sagas, snapshots, dead letters and the
-- platform's own tables change as processing moves on. The schema owner (Flyway's user) keeps its rights; in
-- production the service connects as a different, non-owning role.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trial_event_writer') THEN
        CREATE ROLE trial_event_writer NOLOGIN;
    END IF;
END
$$;

REVOKE ALL ON domain_event_entry FROM PUBLIC;
GRANT SELECT, INSERT ON domain_event_entry TO trial_event_writer;
GRANT USAGE, SELECT ON SEQUENCE domain_event_entry_seq, association_value_entry_seq TO trial_event_writer;
GRANT SELECT, INSERT, UPDATE, DELETE ON snapshot_event_entry, token_entry, saga_entry, association_value_entry,
    dead_letter_entry, inbound_event, trial_store_health TO trial_event_writer;

-- The services' own tables (lookup tables and the like, V1000 and up) are read and written by the service.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO trial_event_writer;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO trial_event_writer;
