-- The screening log: a screening number belongs to one patient for ever (enrolment's own table; the platform's
-- migrations are V1-V999).
CREATE TABLE screening_number (
    screening_number varchar(64) NOT NULL PRIMARY KEY,
    patient_id varchar(36) NOT NULL
);
