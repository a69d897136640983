-- H2 serves the zero-setup local run only; it has no roles to restrict. PostgreSQL's V3 grants least privilege.
SELECT 1;
