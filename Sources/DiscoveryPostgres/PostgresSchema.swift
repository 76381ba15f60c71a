import DiscoveryCore
import Foundation

/// The team database's schema, in PostgreSQL DDL: the same tables and columns as the SQLite
/// schema (ids from sequences, times as `timestamptz`), the audit log append-only by trigger
/// and by grants, and the two group roles. One migration per version; never edit a shipped one.
enum PostgresSchema {
    /// The version this binary writes and needs.
    static let version = 7

    /// The migrations, by the version each one brings the schema to.
    static let migrations: [Int: String] = [1: v1, 2: v2Model, 3: v3Routing, 4: v4CRM, 5: v5FollowUpIndexes,
                                           6: v6VerdictBasis, 7: v7PartialCRMIdIndexes]

    /// The statements of a migration, one by one (the extended protocol takes one at a time):
    /// split at each `;` that ends a line outside a `$$` function body.
    static func statements(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        var inBody = false
        for line in sql.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces).hasPrefix("--") && current.isEmpty { continue }
            current += line + "\n"
            if line.components(separatedBy: "$$").count % 2 == 0 { inBody.toggle() }
            if !inBody && line.hasSuffix(";") {
                statements.append(String(current.trimmingCharacters(in: .whitespacesAndNewlines).dropLast()))
                current = ""
            }
        }
        let rest = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !rest.isEmpty { statements.append(rest) }
        return statements
    }

    static let repRole = "discovery_rep"
    static let opsRole = "discovery_ops"

    /// The tables a rep writes (read everything; write leads, contacts, answers, calls, signals,
    /// next steps, stages). `DELETE` is there for `undo` of a creation: erasure of personal
    /// data is `discovery_erase_lead`, granted to ops only.
    /// `verdict_basis` is derived data any reader may refresh (`report scores`); `lead_revision`
    /// is written by triggers only (their function runs with the schema owner's rights).
    static let repWritableTables = ["lead", "contact", "call", "answer", "signal", "next_step", "rejection", "verdict_basis"]

    static let v1 = """
    CREATE TABLE discovery_meta (
        key text PRIMARY KEY,
        value text NOT NULL
    );

    CREATE TABLE lead (
        id bigserial PRIMARY KEY,
        org text NOT NULL,
        type text, specialty text, region text, beds bigint, source text,
        profile text NOT NULL,
        consent text NOT NULL DEFAULT 'unknown',
        owner text,
        stage text NOT NULL DEFAULT 'new',
        stage_reason text, stage_note text,
        created_at timestamptz NOT NULL, updated_at timestamptz NOT NULL,
        stage_changed_at timestamptz NOT NULL,
        mql_at timestamptz
    );
    CREATE INDEX lead_org ON lead (lower(org) text_pattern_ops);
    CREATE INDEX lead_stage ON lead (stage);
    CREATE INDEX lead_mql ON lead (mql_at) WHERE mql_at IS NOT NULL;

    CREATE TABLE contact (
        id bigserial PRIMARY KEY,
        lead_id bigint NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        name text NOT NULL, title text, role text, email text, phone text,
        consent text NOT NULL DEFAULT 'unknown',
        created_at timestamptz NOT NULL
    );
    CREATE INDEX contact_lead ON contact (lead_id);
    CREATE INDEX contact_email ON contact (lower(email));

    CREATE TABLE call (
        id bigserial PRIMARY KEY,
        lead_id bigint NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        outcome text,
        note text,
        duration_min bigint,
        at timestamptz NOT NULL,
        ended_at timestamptz,
        actor text NOT NULL,
        follow_up_due timestamptz,
        contact_id bigint REFERENCES contact(id) ON DELETE SET NULL,
        consent_override text
    );
    CREATE INDEX call_lead ON call (lead_id, at);
    CREATE INDEX call_follow_up ON call (follow_up_due) WHERE follow_up_due IS NOT NULL;
    CREATE INDEX call_open ON call (lead_id) WHERE outcome IS NULL AND ended_at IS NULL;

    -- One row per revision: answers are never overwritten. value is JSON text; NULL retracts.
    CREATE TABLE answer (
        id bigserial PRIMARY KEY,
        lead_id bigint NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        question text NOT NULL,
        value text,
        note text,
        call_id bigint REFERENCES call(id) ON DELETE SET NULL,
        actor text NOT NULL,
        at timestamptz NOT NULL
    );
    CREATE INDEX answer_lead_question ON answer (lead_id, question, id);

    CREATE TABLE signal (
        id bigserial PRIMARY KEY,
        lead_id bigint NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        kind text NOT NULL,
        note text,
        actor text NOT NULL,
        at timestamptz NOT NULL
    );
    CREATE INDEX signal_lead ON signal (lead_id, at);

    CREATE TABLE next_step (
        id bigserial PRIMARY KEY,
        lead_id bigint NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        action text NOT NULL,
        note text,
        owner text,
        due timestamptz,
        set_at timestamptz NOT NULL,
        actor text NOT NULL,
        done_at timestamptz
    );
    CREATE INDEX next_step_lead ON next_step (lead_id, done_at);
    CREATE INDEX next_step_due ON next_step (due) WHERE done_at IS NULL;

    -- One row per change: its id (from the sequence) is the change_id of the change's audit entries.
    CREATE TABLE changeset (
        id bigserial PRIMARY KEY,
        actor text NOT NULL,
        at timestamptz NOT NULL
    );

    -- Append-only audit log. A change (one command) may write several entries with one change_id.
    CREATE TABLE audit (
        id bigserial PRIMARY KEY,
        change_id bigint NOT NULL,
        at timestamptz NOT NULL,
        actor text NOT NULL,
        lead_id bigint,
        action text NOT NULL,
        entity text NOT NULL,
        entity_id bigint,
        field text,
        old_value text,
        new_value text
    );
    CREATE INDEX audit_lead ON audit (lead_id, id);
    CREATE INDEX audit_change ON audit (change_id);

    -- Leads whose personal data was erased by `lead delete`: only their audit values may be blanked.
    CREATE TABLE audit_erasure (
        lead_id bigint PRIMARY KEY,
        at timestamptz NOT NULL,
        actor text NOT NULL
    );

    CREATE FUNCTION audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'audit'
           AND EXISTS (SELECT 1 FROM audit_erasure e WHERE e.lead_id = OLD.lead_id)
           AND NEW.id = OLD.id AND NEW.change_id = OLD.change_id AND NEW.at = OLD.at
           AND NEW.actor = OLD.actor AND NEW.lead_id = OLD.lead_id AND NEW.action = OLD.action
           AND NEW.entity = OLD.entity AND NEW.entity_id IS NOT DISTINCT FROM OLD.entity_id
           AND NEW.field IS NOT DISTINCT FROM OLD.field
           AND NEW.old_value IS NULL AND NEW.new_value IS NULL THEN
            RETURN NEW;
        END IF;
        RAISE EXCEPTION 'the audit log is append-only';
    END $$;
    CREATE FUNCTION discovery_keeps_rows() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the audit log is append-only';
    END $$;
    CREATE TRIGGER audit_is_append_only BEFORE UPDATE OR DELETE ON audit
        FOR EACH ROW EXECUTE FUNCTION audit_is_append_only();
    CREATE TRIGGER audit_is_append_only_truncate BEFORE TRUNCATE ON audit
        FOR EACH STATEMENT EXECUTE FUNCTION discovery_keeps_rows();
    CREATE TRIGGER changeset_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON changeset
        FOR EACH STATEMENT EXECUTE FUNCTION discovery_keeps_rows();
    CREATE TRIGGER audit_erasure_is_permanent BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_erasure
        FOR EACH STATEMENT EXECUTE FUNCTION discovery_keeps_rows();

    -- Erasure (`lead delete`): runs with the schema owner's rights, granted to discovery_ops
    -- only; no role is granted UPDATE on the audit log itself.
    CREATE FUNCTION discovery_erase_lead(target bigint, by_actor text, erased_at timestamptz) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
    BEGIN
        DELETE FROM lead WHERE id = target;
        IF NOT FOUND THEN RETURN false; END IF;
        INSERT INTO audit_erasure (lead_id, at, actor) VALUES (target, erased_at, by_actor) ON CONFLICT DO NOTHING;
        UPDATE audit SET old_value = NULL, new_value = NULL WHERE lead_id = target;
        RETURN true;
    END $$;
    REVOKE ALL ON FUNCTION discovery_erase_lead(bigint, text, timestamptz) FROM PUBLIC;
    """

    /// The team's scoring model (question sets, profiles, signals): numbered versions, each the
    /// files of one published folder. Append-only; only ops may publish (grants below).
    static let v2Model = """
    CREATE TABLE model_version (
        id bigserial PRIMARY KEY,
        published_by text NOT NULL,
        published_at timestamptz NOT NULL,
        summary text NOT NULL
    );
    CREATE TABLE model_file (
        version bigint NOT NULL REFERENCES model_version(id),
        path text NOT NULL,
        content text NOT NULL,
        PRIMARY KEY (version, path)
    );
    CREATE TRIGGER model_version_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON model_version
        FOR EACH STATEMENT EXECUTE FUNCTION discovery_keeps_rows();
    CREATE TRIGGER model_file_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON model_file
        FOR EACH STATEMENT EXECUTE FUNCTION discovery_keeps_rows();
    """

    /// Routing, sales acceptance and re-qualification (SPEC 11), as the SQLite schema's v4.
    static let v3Routing = """
    ALTER TABLE lead ADD COLUMN route_rule text;
    ALTER TABLE lead ADD COLUMN requalify_trigger text;
    ALTER TABLE lead ADD COLUMN requalify_at timestamptz;
    ALTER TABLE signal ADD COLUMN contact text;
    CREATE TABLE rejection (
        id bigserial PRIMARY KEY,
        lead_id bigint NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        reason text NOT NULL,
        note text,
        actor text NOT NULL,
        at timestamptz NOT NULL
    );
    CREATE INDEX rejection_at ON rejection (at);
    """

    /// What CRM interchange needs, as the SQLite schema's v4-crm: a contact's name in parts
    /// (`last_name` NULL: not split), do-not-call and email opt-out (0/1, as SQLite stores them,
    /// so `db copy` moves them as they are), its lead source and CRM record ids; a lead's website.
    /// The stored names are split by `PostgresStore.migrate` right after.
    static let v4CRM = """
    ALTER TABLE contact ADD COLUMN salutation text;
    ALTER TABLE contact ADD COLUMN first_name text;
    ALTER TABLE contact ADD COLUMN last_name text;
    ALTER TABLE contact ADD COLUMN suffix text;
    ALTER TABLE contact ADD COLUMN do_not_call bigint NOT NULL DEFAULT 0;
    ALTER TABLE contact ADD COLUMN email_opt_out bigint NOT NULL DEFAULT 0;
    ALTER TABLE contact ADD COLUMN source text;
    ALTER TABLE contact ADD COLUMN hubspot_id text;
    ALTER TABLE contact ADD COLUMN salesforce_id text;
    ALTER TABLE lead ADD COLUMN website text;
    CREATE INDEX contact_hubspot_id ON contact (hubspot_id);
    CREATE INDEX contact_salesforce_id ON contact (salesforce_id);
    """

    /// Indexes for one person's follow-ups (the shell's start-up line, `due --owner`), as the
    /// SQLite schema's v6: leads by owner, a caller's calls that ask for a follow-up, open next
    /// steps by owner, the leads marked for re-qualification. No data changes.
    static let v5FollowUpIndexes = """
    CREATE INDEX lead_owner_mql ON lead (owner, stage) WHERE mql_at IS NOT NULL;
    CREATE INDEX lead_requalify ON lead (owner) WHERE requalify_trigger IS NOT NULL;
    CREATE INDEX call_actor_follow_up ON call (actor, lead_id, at, follow_up_due) WHERE follow_up_due IS NOT NULL;
    CREATE INDEX next_step_owner_due ON next_step (owner, due) WHERE done_at IS NULL;
    """

    /// The CRM record-id indexes hold only the contacts that have such an id: most contacts have
    /// neither, and every contact an import writes (COPY) paid two index entries for its NULLs
    /// (100,000 rows into an empty team database: about 0.6 s of 7.3 s). A lookup by an id
    /// (`hubspot_id = $1`) still uses them. No data changes.
    static let v7PartialCRMIdIndexes = """
    DROP INDEX contact_hubspot_id;
    DROP INDEX contact_salesforce_id;
    CREATE INDEX contact_hubspot_id ON contact (hubspot_id) WHERE hubspot_id IS NOT NULL;
    CREATE INDEX contact_salesforce_id ON contact (salesforce_id) WHERE salesforce_id IS NOT NULL;
    """

    /// The group roles and their rights on the tables (idempotent: `db init` and `db migrate` run it).
    static func grants() -> [String] {
        let rep = repRole, ops = opsRole
        let tables = repWritableTables.joined(separator: ", ")
        return [
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(rep)') THEN CREATE ROLE \(rep) NOLOGIN; END IF;
            -- Roles belong to the whole server: a \(rep) made meanwhile by another database's init is the same role.
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """,
            """
            DO $$ BEGIN
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '\(ops)') THEN CREATE ROLE \(ops) NOLOGIN; END IF;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """,
            """
            DO $$ BEGIN
                GRANT \(rep) TO \(ops);
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END $$
            """,
            "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
            "GRANT USAGE ON SCHEMA public TO \(rep)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA public TO \(rep)",
            "GRANT INSERT, UPDATE, DELETE ON \(tables) TO \(rep)",
            "GRANT INSERT ON audit, changeset TO \(rep)",
            "REVOKE UPDATE, DELETE, TRUNCATE ON audit, changeset, audit_erasure, discovery_meta, model_version, model_file FROM PUBLIC, \(rep), \(ops)",
            "GRANT INSERT ON model_version, model_file TO \(ops)",
            "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO \(rep)",
            "GRANT EXECUTE ON FUNCTION discovery_erase_lead(bigint, text, timestamptz) TO \(ops)",
        ]
    }
}
