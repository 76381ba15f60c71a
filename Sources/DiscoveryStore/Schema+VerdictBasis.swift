import DiscoveryStorage
import GRDB

extension Schema {
    /// v8: verdict bases kept between whole-book reads (`VerdictBasisStorage`). `lead_revision`
    /// counts the changes to each lead and its record, raised by triggers whoever writes (a lead
    /// without a row is at revision 0; no foreign key, so a cascade can never trip on it);
    /// `verdict_basis` holds one basis per lead with the revision and model it was computed at.
    /// No data changes: every lead starts without a basis.
    static var v8VerdictBasis: String {
        var sql = """
        CREATE TABLE lead_revision (
            lead_id INTEGER PRIMARY KEY,
            revision INTEGER NOT NULL
        );
        CREATE TABLE verdict_basis (
            lead_id INTEGER PRIMARY KEY REFERENCES lead(id) ON DELETE CASCADE,
            revision INTEGER NOT NULL,
            model TEXT NOT NULL,
            fit INTEGER NOT NULL, intent INTEGER NOT NULL, readiness INTEGER NOT NULL,
            gates_met INTEGER NOT NULL, no_timeline INTEGER NOT NULL, hard_stop INTEGER NOT NULL,
            direct_request TEXT,
            -- Instants as seconds since 2001-01-01 UTC, exactly as computed (the inactivity
            -- rule counts days from them: no rounding to a stored text form).
            inactive_since REAL NOT NULL, inactivity_logged INTEGER NOT NULL,
            latest_activity REAL NOT NULL
        );
        CREATE TRIGGER lead_revised AFTER UPDATE ON lead BEGIN
        \(raise("NEW.id"))
        END;
        CREATE TRIGGER lead_erased AFTER DELETE ON lead BEGIN
            DELETE FROM lead_revision WHERE lead_id = OLD.id;
        END;

        """
        for table in LeadRevision.recordTables {
            sql += """
            CREATE TRIGGER \(table)_added AFTER INSERT ON \(table) BEGIN
            \(raise("NEW.lead_id"))
            END;
            CREATE TRIGGER \(table)_changed AFTER UPDATE ON \(table) BEGIN
            \(raise("NEW.lead_id"))
            \(raise("OLD.lead_id", when: "OLD.lead_id <> NEW.lead_id"))
            END;
            CREATE TRIGGER \(table)_removed AFTER DELETE ON \(table) BEGIN
            \(raise("OLD.lead_id"))
            END;

            """
        }
        return sql
    }

    /// Raises lead `id`'s revision (from 0 when it has none yet), unless the lead is gone.
    private static func raise(_ id: String, when condition: String = "1") -> String {
        """
            INSERT INTO lead_revision (lead_id, revision) SELECT \(id), 1
                WHERE \(condition) AND EXISTS (SELECT 1 FROM lead WHERE id = \(id))
                ON CONFLICT (lead_id) DO UPDATE SET revision = revision + 1;
        """
    }
}
