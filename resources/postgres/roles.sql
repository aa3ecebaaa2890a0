-- Incident Log on a PostgreSQL server (15 or newer): the database, and one login role per clerk.
-- Run as the server's administrator, e.g.:  sudo -u postgres psql -f roles.sql
-- Change the names in the last block to your clerks' names. Passwords are set by each clerk with
-- \password in psql, or by the administrator; the program never stores one (it uses ~/.pgpass,
-- PGPASSWORD or the system's login, as libpq does).

-- The group every clerk belongs to: it may read and write the log's records, nothing else.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'incident_log_clerks') THEN
    CREATE ROLE incident_log_clerks NOLOGIN;
  END IF;
END $$;

-- The owner of the tables (the program creates them on first connection by this role, or copies
-- an office's SQLite log there with `incident-log --db office.sqlite3 copy-to postgresql://…`).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'incident_log_owner') THEN
    CREATE ROLE incident_log_owner LOGIN;
  END IF;
END $$;

CREATE DATABASE incident_log OWNER incident_log_owner ENCODING 'UTF8' TEMPLATE template0;
\connect incident_log

-- The schema belongs to the owner; clerks use it. Tables the owner makes later (a newer version's
-- migration) get the same rights by these defaults.
GRANT USAGE ON SCHEMA public TO incident_log_clerks;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT CREATE ON SCHEMA public TO incident_log_owner;
ALTER DEFAULT PRIVILEGES FOR ROLE incident_log_owner IN SCHEMA public
  GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO incident_log_clerks;
ALTER DEFAULT PRIVILEGES FOR ROLE incident_log_owner IN SCHEMA public
  GRANT USAGE, SELECT ON SEQUENCES TO incident_log_clerks;
-- For tables that already exist (run this file again after the owner has made them):
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO incident_log_clerks;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO incident_log_clerks;

-- The audit trail is only ever added to: clerks may neither change nor delete its entries.
DO $$ BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.tables WHERE table_name = 'audit') THEN
    REVOKE UPDATE, DELETE ON audit FROM incident_log_clerks;
  END IF;
END $$;

-- One login per clerk: the audit trail names each by this login (current_user).
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ivanova') THEN
    CREATE ROLE ivanova LOGIN IN ROLE incident_log_clerks;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'petrova') THEN
    CREATE ROLE petrova LOGIN IN ROLE incident_log_clerks;
  END IF;
END $$;
