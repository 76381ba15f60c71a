import GRDB

extension Schema {
    /// v8: each lead's latest call (by time, then id: the call whose outcome asks for the
    /// follow-up), kept in `call_latest` by triggers on every insert, delete and change of a
    /// call's lead or time, whoever writes it (a command, an import, an undo, a copy). Finding
    /// whether a call is its lead's latest is then one seek into a table of one small row per
    /// lead instead of into `call_lead`, whose pages hold every call of the book: the start-up
    /// line reads about half the pages it did for a user with thousands of follow-ups. Filled
    /// from the calls already stored; no other data changes.
    static let v8CallLatest = """
    CREATE TABLE call_latest (
        lead_id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL
    );
    INSERT INTO call_latest (lead_id, call_id)
    SELECT c.lead_id, (SELECT l.id FROM call l WHERE l.lead_id = c.lead_id ORDER BY l.at DESC, l.id DESC LIMIT 1)
    FROM (SELECT DISTINCT lead_id FROM call) c;

    CREATE TRIGGER call_latest_insert AFTER INSERT ON call BEGIN
        \(refreshCallLatest("NEW"))
    END;
    CREATE TRIGGER call_latest_delete AFTER DELETE ON call BEGIN
        \(refreshCallLatest("OLD"))
    END;
    CREATE TRIGGER call_latest_update AFTER UPDATE OF lead_id, at ON call BEGIN
        \(refreshCallLatest("OLD"))
        \(refreshCallLatest("NEW"))
    END;
    """

    /// The statements that set the latest call of the lead of `row` (`NEW` or `OLD`) anew:
    /// forgotten, then found again among the calls the lead still has (none: no row).
    private static func refreshCallLatest(_ row: String) -> String {
        """
        DELETE FROM call_latest WHERE lead_id = \(row).lead_id;
            INSERT INTO call_latest (lead_id, call_id)
            SELECT lead_id, id FROM call WHERE lead_id = \(row).lead_id ORDER BY at DESC, id DESC LIMIT 1;
        """
    }
}
