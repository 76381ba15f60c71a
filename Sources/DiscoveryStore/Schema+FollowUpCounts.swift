import GRDB

extension Schema {
    /// v9: what `due --owner` and the shell's start-up line read, with far fewer pages and
    /// seeks for a person with thousands of follow-ups (each of the owner's items used to cost a
    /// page of `call_lead`, of `call` and of `lead`, scattered over the book):
    /// - `call_latest`: each lead's latest call (by time, then id: the call whose outcome asks
    ///   for the follow-up) with what counting its follow-up reads (caller, outcome, times),
    ///   kept by triggers on every insert, delete and change of those columns, whoever writes the
    ///   call (a command, an import, an undo, a copy); filled from the calls already stored.
    ///   Whether a call is its lead's latest is one seek into a table of one small row per lead,
    ///   and a caller's latest calls that ask for a follow-up are one range of its index, in
    ///   lead order (so the seeks into the lead index that follow walk its pages in order).
    /// - indexes that hold everything the counts read (`SQLiteStore.forEachFollowUpInputToCount`),
    ///   so they are answered without the tables: an owner's open next steps with their lead,
    ///   action and times (replacing `next_step_owner_due`, its first columns), each lead's stage,
    ///   consent and owner by id, and an owner's MQL leads by stage with their MQL moment
    ///   (replacing `lead_owner_mql`: whether a lead was called since is then asked without
    ///   reading it).
    /// No other data changes.
    static let v9FollowUpCounts = """
    CREATE TABLE call_latest (
        lead_id INTEGER PRIMARY KEY,
        call_id INTEGER NOT NULL,
        actor TEXT NOT NULL,
        outcome TEXT,
        at DATETIME NOT NULL,
        ended_at DATETIME,
        follow_up_due DATETIME
    );
    INSERT INTO call_latest (\(callLatestColumns))
    SELECT \(callLatestSource) FROM call
    WHERE id IN (SELECT (SELECT l.id FROM call l WHERE l.lead_id = c.lead_id ORDER BY l.at DESC, l.id DESC LIMIT 1)
                 FROM (SELECT DISTINCT lead_id FROM call) c);
    CREATE INDEX call_latest_actor ON call_latest(actor, lead_id, follow_up_due, call_id, outcome, at, ended_at)
        WHERE follow_up_due IS NOT NULL;

    CREATE TRIGGER call_latest_insert AFTER INSERT ON call BEGIN
        \(refreshCallLatest("NEW"))
    END;
    CREATE TRIGGER call_latest_delete AFTER DELETE ON call BEGIN
        \(refreshCallLatest("OLD"))
    END;
    CREATE TRIGGER call_latest_update AFTER UPDATE OF lead_id, at, actor, outcome, ended_at, follow_up_due ON call BEGIN
        \(refreshCallLatest("OLD"))
        \(refreshCallLatest("NEW"))
    END;

    DROP INDEX next_step_owner_due;
    CREATE INDEX next_step_owner_due_state ON next_step(owner, due, lead_id, action, set_at, actor, done_at)
        WHERE done_at IS NULL;
    CREATE INDEX lead_follow_up_state ON lead(id, stage, consent, owner);
    DROP INDEX lead_owner_mql;
    CREATE INDEX lead_owner_mql_at ON lead(owner, stage, mql_at) WHERE mql_at IS NOT NULL;
    """

    /// `call_latest`'s columns, and where each comes from in `call`.
    static let callLatestColumns = "lead_id, call_id, actor, outcome, at, ended_at, follow_up_due"
    private static let callLatestSource = "lead_id, id, actor, outcome, at, ended_at, follow_up_due"

    /// The statements that set the latest call of the lead of `row` (`NEW` or `OLD`) anew:
    /// forgotten, then found again among the calls the lead still has (none: no row).
    private static func refreshCallLatest(_ row: String) -> String {
        """
        DELETE FROM call_latest WHERE lead_id = \(row).lead_id;
            INSERT INTO call_latest (\(callLatestColumns))
            SELECT \(callLatestSource) FROM call WHERE lead_id = \(row).lead_id ORDER BY at DESC, id DESC LIMIT 1;
        """
    }
}
