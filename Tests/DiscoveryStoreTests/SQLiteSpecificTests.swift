import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB
import Testing
@testable import DiscoveryStore

/// What only the SQLite file does: the triggers that keep the log append-only, erasure down to
/// the file's bytes, the index a query uses, the change ids of a database from before
/// changesets, and stored data this version does not know.
@Suite struct SQLiteSpecificTests {
    let at = Date(timeIntervalSince1970: 1_772_442_000)

    /// A database with lead 1 and its contact 1, for stored data to be corrupted under them.
    func storeWithALeadAndContact(_ tmp: TempDatabase) throws -> (SQLiteStore, Lead) {
        let store = try SQLiteStore.open(path: tmp.path)
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "ana")
        _ = try store.addContact(Contact(leadId: lead.id, name: "Ana", createdAt: at), actor: "ana")
        return (store, lead)
    }

    @Test func theLogRefusesUpdatesAndDeletes() throws {
        let tmp = TempDatabase()
        let store = try SQLiteStore.open(path: tmp.path)
        _ = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: at), actor: "ana")
        for sql in ["UPDATE audit SET actor = 'mallory';", "DELETE FROM audit;", "UPDATE changeset SET actor = 'mallory';",
                    "DELETE FROM changeset;"] {
            let result = try SQLiteShell.runWithStatus(tmp.path, sql)
            #expect(result.status != 0, "\(sql)")
            #expect(result.stderr.contains("append-only"), "\(sql)")
        }
        #expect(try store.audit().map(\.actor) == ["ana"])
    }

    @Test func anErasedLeadLeavesNoPersonalDataInTheFile() throws {
        let tmp = TempDatabase()
        let store = try SQLiteStore.open(path: tmp.path)
        let lead = try store.createLead(Lead(org: "Mercy Secret", profile: "consumables", createdAt: at), actor: "ana")
        _ = try store.addContact(Contact(leadId: lead.id, name: "Dr. Private Person", email: "pp@example.org", createdAt: at), actor: "ana")
        try store.deleteLead(id: lead.id, actor: "ben", at: at)
        let dump = try SQLiteShell.run(tmp.path, ".dump")
        #expect(!dump.contains("Mercy Secret"))
        #expect(!dump.contains("Private Person"))
        #expect(!dump.contains("pp@example.org"))
    }

    @Test func latestRevisionsUseTheAnswerIndex() throws {
        let tmp = TempDatabase()
        let store = try SQLiteStore.open(path: tmp.path)
        let plan = try store.queue.read { db in
            try Row.fetchAll(db, sql: """
                EXPLAIN QUERY PLAN SELECT * FROM answer
                WHERE id IN (SELECT max(id) FROM answer WHERE lead_id = ? GROUP BY question) ORDER BY id
                """, arguments: [1]).map { $0["detail"] as String }
        }
        #expect(plan.contains { $0.contains("answer_lead_question_value") })
        #expect(!plan.contains { $0.hasPrefix("SCAN answer") })
    }

    /// The whole-book read walks the answer index alone: no seek into the table per revision.
    @Test func theBookReadsAnswersFromTheIndexAlone() throws {
        let tmp = TempDatabase()
        let store = try SQLiteStore.open(path: tmp.path)
        let plan = try store.queue.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + AnswersInForce.sql("")).map { $0["detail"] as String }
        }
        #expect(plan == ["SCAN answer USING COVERING INDEX answer_lead_question_value"])
    }

    /// A database written before changesets: its changes keep their ids, and the next change
    /// gets a higher one.
    @Test func changeIdsContinueAfterThoseOfAnOlderDatabase() throws {
        let tmp = TempDatabase()
        _ = try SQLiteStore.open(path: tmp.path)
        _ = try SQLiteShell.run(tmp.path, """
            DROP TRIGGER changeset_keeps_rows; DELETE FROM changeset; DROP TABLE changeset;
            DELETE FROM grdb_migrations WHERE identifier = 'v3-changesets';
            INSERT INTO lead (org, profile, created_at, updated_at, stage_changed_at) VALUES ('Old', 'consumables', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000', '2026-01-01 00:00:00.000');
            INSERT INTO audit (change_id, at, actor, lead_id, action, entity, entity_id, new_value) VALUES (41, '2026-01-01 00:00:00.000', 'ana', 1, 'create', 'lead', 1, 'Old');
            """)
        let store = try SQLiteStore.open(path: tmp.path)
        try store.updateLead(id: 1, field: .region, value: "West", actor: "ben", at: at)
        #expect(try store.audit().map(\.changeId) == [41, 42])
        #expect(try SQLiteShell.run(tmp.path, "SELECT id || ':' || actor FROM changeset ORDER BY id;") == "41:ana\n42:ben")
    }

    @Test(arguments: [
        ("UPDATE lead SET stage = 'won' WHERE id = 1;", "unknown stage 'won' (table lead, row 1)"),
        ("UPDATE lead SET consent = 'maybe' WHERE id = 1;", "unknown consent 'maybe' (table lead, row 1)"),
        ("UPDATE contact SET role = 'boss' WHERE id = 1;", "unknown role 'boss' (table contact, row 1)"),
        ("UPDATE audit SET action = 'rewrite' WHERE id = 1;", "unknown action 'rewrite' (table audit, row 1)"),
        ("INSERT INTO answer (lead_id, question, value, actor, at) VALUES (1, 'need.problem', '{not json', 'ana', '2026-03-02 09:00:00.000');",
         "answer value this version cannot read (table answer, row 1)"),
        ("INSERT INTO next_step (lead_id, action, set_at, actor) VALUES (1, 'send-flowers', '2026-03-02 09:00:00.000', 'ana');",
         "unknown action 'send-flowers' (table next_step, row 1)"),
    ])
    func storedDataThisVersionDoesNotKnowIsAnErrorNamingTheRow(sql: String, message: String) throws {
        let tmp = TempDatabase()
        let (store, lead) = try storeWithALeadAndContact(tmp)
        // The audit trigger allows no update, even to corrupt it: drop it for this test's database.
        _ = try SQLiteShell.run(tmp.path, "DROP TRIGGER audit_is_append_only; " + sql)
        let error = try #require(throws: DiscoveryError.self) {
            _ = try store.qualificationRecord(lead: lead.id)
            _ = try store.audit()
            _ = try store.followUpInputs(before: at.addingTimeInterval(86_400 * 365))
            _ = try store.openNextStep(lead: lead.id)
            _ = try store.latestRevisions(lead: lead.id)
        }
        #expect(error.kind == .storage)
        #expect(error.message.contains(message), "\(error.message)")
    }

    /// The whole-book read decodes by column position (`RawRows`), not through `Rows`: it is as
    /// loud about what it does not know, naming the table, the row and the value.
    @Test(arguments: [
        ("UPDATE lead SET stage = 'won' WHERE id = 1;", "'won' (table lead, row 1)"),
        ("UPDATE lead SET consent = 'maybe' WHERE id = 1;", "'maybe' (table lead, row 1)"),
        ("UPDATE contact SET role = 'boss' WHERE id = 1;", "'boss' (table contact, row 1)"),
        ("INSERT INTO answer (lead_id, question, value, actor, at) VALUES (1, 'need.problem', '{not json', 'ana', '2026-03-02 09:00:00.000');",
         "answer value this version cannot read (table answer, row 1)"),
        ("INSERT INTO answer (lead_id, question, value, actor, at) VALUES (1, 'need.problem', '{\"text\":{\"_0\":\"x\"}}', 'ana', 'yesterday');",
         "'yesterday' (table answer, row 1)"),
        ("INSERT INTO call (lead_id, outcome, at, actor) VALUES (1, 'hung-up-angrily', '2026-03-02 09:00:00.000', 'ana');",
         "'hung-up-angrily' (table call, row 1)"),
        ("INSERT INTO next_step (lead_id, action, set_at, actor) VALUES (1, 'send-flowers', '2026-03-02 09:00:00.000', 'ana');",
         "'send-flowers' (table next_step, row 1)"),
    ])
    func theBookReadIsLoudAboutStoredDataItDoesNotKnow(sql: String, message: String) throws {
        let tmp = TempDatabase()
        let (store, _) = try storeWithALeadAndContact(tmp)
        _ = try SQLiteShell.run(tmp.path, sql)
        let error = try #require(throws: DiscoveryError.self) {
            try store.forEachQualificationRecord(createdSince: nil) { _ in }
        }
        #expect(error.kind == .storage)
        #expect(error.message.contains(message), "\(error.message)")
    }

    /// Lead lists and the follow-ups read leads by position too (`RawRows.lead`,
    /// `RawRows.followUpLead` over `RawStatement`): as loud, with and without a filter. (An unknown stage is not one the
    /// follow-ups ask for, so only the lists meet it.)
    @Test(arguments: [
        ("UPDATE lead SET stage = 'won' WHERE id = 1;", "'won' (table lead, row 1)", false),
        ("UPDATE lead SET consent = 'maybe' WHERE id = 1;", "'maybe' (table lead, row 1)", true),
        ("UPDATE lead SET mql_at = 'last spring' WHERE id = 1;", "'last spring' (table lead, row 1)", true),
    ])
    func leadListsAreLoudAboutStoredDataTheyDoNotKnow(sql: String, message: String, followUpsReadIt: Bool) throws {
        let tmp = TempDatabase()
        let (store, _) = try storeWithALeadAndContact(tmp)
        _ = try SQLiteShell.run(tmp.path, "UPDATE lead SET owner = 'ana', mql_at = created_at, stage = 'mql' WHERE id = 1; " + sql)
        for filter in [LeadFilter(), LeadFilter(owner: "ana", search: "Mercy")] {
            let error = try #require(throws: DiscoveryError.self) { try store.forEachLead(filter) { _ in } }
            #expect(error.message.contains(message), "\(error.message)")
            // `lead list`'s first pass reads the stage but not the consent or the dates.
            if !followUpsReadIt {
                let error = try #require(throws: DiscoveryError.self) { try store.forEachLeadListRow(filter) { _ in } }
                #expect(error.message.contains(message), "\(error.message)")
            }
        }
        guard followUpsReadIt else { return }
        let error = try #require(throws: DiscoveryError.self) {
            try store.forEachFollowUpInput(before: at.addingTimeInterval(86_400 * 365), owner: "ana") { _ in }
        }
        #expect(error.message.contains(message), "\(error.message)")
    }
}
