-- Persistent deadlines (Axon's db-scheduler deadline manager): one row per report clock that has not yet fired.
CREATE TABLE scheduled_tasks (
    task_name varchar(100) NOT NULL,
    task_instance varchar(100) NOT NULL,
    task_data bytea,
    execution_time timestamp with time zone NOT NULL,
    picked boolean NOT NULL,
    picked_by varchar(200),
    last_success timestamp with time zone,
    last_failure timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat timestamp with time zone,
    version bigint NOT NULL,
    priority smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

-- GET /sae-clock: the reports of serious adverse events still to be sent, built from the service's own events.
CREATE TABLE sae_report_clock (
    adverse_event_id varchar(36) NOT NULL,
    kind varchar(16) NOT NULL,
    patient_id varchar(36) NOT NULL,
    site_id varchar(64) NOT NULL,
    screening_number varchar(64) NOT NULL,
    term varchar(200) NOT NULL,
    grade integer NOT NULL,
    susar boolean NOT NULL,
    due_on date NOT NULL,
    overdue boolean NOT NULL,
    PRIMARY KEY (adverse_event_id, kind)
);
CREATE INDEX sae_report_clock_due_on ON sae_report_clock (due_on);
