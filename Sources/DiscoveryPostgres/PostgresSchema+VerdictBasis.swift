import DiscoveryStorage

extension PostgresSchema {
    /// Version 6, as the SQLite schema's v8: verdict bases kept between whole-book reads.
    /// `lead_revision` is raised by statement triggers (one upsert per statement, so a COPY of a
    /// million answers costs one), whose function runs with the schema owner's rights: no role
    /// writes a revision by hand. The function locks the leads first, in id order, as every
    /// change does, so two writers never wait on each other's revisions. No data changes.
    static var v6VerdictBasis: String {
        var sql = """
        CREATE TABLE lead_revision (
            lead_id bigint PRIMARY KEY,
            revision bigint NOT NULL
        );
        CREATE TABLE verdict_basis (
            lead_id bigint PRIMARY KEY REFERENCES lead(id) ON DELETE CASCADE,
            revision bigint NOT NULL,
            model text NOT NULL,
            fit integer NOT NULL, intent integer NOT NULL, readiness integer NOT NULL,
            gates_met boolean NOT NULL, no_timeline boolean NOT NULL, hard_stop boolean NOT NULL,
            direct_request text,
            -- Instants as seconds since 2001-01-01 UTC, exactly as computed.
            inactive_since double precision NOT NULL, inactivity_logged integer NOT NULL,
            latest_activity double precision NOT NULL
        );
        CREATE FUNCTION discovery_revise_leads() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            PERFORM 1 FROM lead WHERE id IN (SELECT lead_id FROM changed) ORDER BY id FOR NO KEY UPDATE;
            INSERT INTO lead_revision (lead_id, revision)
                SELECT DISTINCT lead_id, 1 FROM changed WHERE lead_id IN (SELECT id FROM lead) ORDER BY lead_id
                ON CONFLICT (lead_id) DO UPDATE SET revision = lead_revision.revision + 1;
            RETURN NULL;
        END $$;
        CREATE FUNCTION discovery_revise_updated_leads() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            INSERT INTO lead_revision (lead_id, revision)
                SELECT DISTINCT id, 1 FROM changed ORDER BY id
                ON CONFLICT (lead_id) DO UPDATE SET revision = lead_revision.revision + 1;
            RETURN NULL;
        END $$;
        CREATE FUNCTION discovery_forget_revisions() RETURNS trigger
        LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
        BEGIN
            DELETE FROM lead_revision WHERE lead_id IN (SELECT id FROM changed);
            RETURN NULL;
        END $$;
        CREATE TRIGGER lead_revised AFTER UPDATE ON lead REFERENCING NEW TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION discovery_revise_updated_leads();
        CREATE TRIGGER lead_erased AFTER DELETE ON lead REFERENCING OLD TABLE AS changed
            FOR EACH STATEMENT EXECUTE FUNCTION discovery_forget_revisions();

        """
        for table in LeadRevision.recordTables {
            sql += """
            CREATE TRIGGER \(table)_added AFTER INSERT ON \(table) REFERENCING NEW TABLE AS changed
                FOR EACH STATEMENT EXECUTE FUNCTION discovery_revise_leads();
            CREATE TRIGGER \(table)_changed AFTER UPDATE ON \(table) REFERENCING NEW TABLE AS changed
                FOR EACH STATEMENT EXECUTE FUNCTION discovery_revise_leads();
            CREATE TRIGGER \(table)_moved AFTER UPDATE ON \(table) REFERENCING OLD TABLE AS changed
                FOR EACH STATEMENT EXECUTE FUNCTION discovery_revise_leads();
            CREATE TRIGGER \(table)_removed AFTER DELETE ON \(table) REFERENCING OLD TABLE AS changed
                FOR EACH STATEMENT EXECUTE FUNCTION discovery_revise_leads();

            """
        }
        return sql
    }
}
