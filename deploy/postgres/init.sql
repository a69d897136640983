-- One database per command service: each owns its event store. Run once by the postgres image on an empty volume.
CREATE DATABASE enrolment;
CREATE DATABASE follow_up;
CREATE DATABASE safety;
CREATE DATABASE dosing;
CREATE DATABASE radiotherapy;
