import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB
import Testing
@testable import DiscoveryStore

/// v9 (`Schema.v9FollowUpCounts`) keeps each lead's latest call in `call_latest`: filled from the calls a database already
/// holds, then kept by triggers through every insert, delete and change of a call's lead or time,
/// always equal to the definition it replaced (the correlated "latest call" query), with the
/// latest call's columns it copies.
@Suite struct CallLatestMigrationTests {
    /// The definition: for every lead with calls, its call latest by time, then id, with the
    /// columns `call_latest` copies.
    static let definition = """
        SELECT lead_id, id, actor, outcome, at, ended_at, follow_up_due FROM call
        WHERE id IN (SELECT (SELECT l.id FROM call l WHERE l.lead_id = c.lead_id ORDER BY l.at DESC, l.id DESC LIMIT 1)
                     FROM (SELECT DISTINCT lead_id FROM call) c)
        ORDER BY lead_id
        """
    /// The retries `due` found before v9: the latest call of its lead, asking for a follow-up.
    static let retriesBefore = """
        SELECT lead.id, c.id FROM lead JOIN call c ON c.id = (SELECT l.id FROM call l WHERE l.lead_id = lead.id
                                                               ORDER BY l.at DESC, l.id DESC LIMIT 1)
        WHERE c.follow_up_due IS NOT NULL AND c.follow_up_due < ? ORDER BY lead.id
        """

    static let actors = ["ana", "ben", "cy"]
    static let before = "2026-04-01 00:00:00.000"

    private static func pairs(_ db: Database, _ sql: String, _ arguments: StatementArguments = []) throws -> [[Int64]] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { [$0[0], $0[1]] }
    }

    private static func stored(_ db: Database) throws -> [[DatabaseValue]] {
        try rows(db, "SELECT \(Schema.callLatestColumns) FROM call_latest ORDER BY lead_id")
    }

    private static func rows(_ db: Database, _ sql: String) throws -> [[DatabaseValue]] {
        try Row.fetchAll(db, sql: sql).map { Array($0.databaseValues) }
    }

    /// Six leads (the last without calls) and calls in a fixed pattern: several per lead, times
    /// that tie (ties go to the higher id), not in id order, by three callers, some asking for a
    /// follow-up before or after `before`.
    private static func fill(_ db: Database, calls: Range<Int>) throws {
        for i in calls {
            let lead = i % 5 + 1
            let day = (i * 7) % 11 + 1
            let due: String? = i % 3 == 0 ? nil : String(format: "2026-%02d-%02d 09:00:00.000", i % 2 == 0 ? 3 : 5, day)
            try db.execute(sql: """
                INSERT INTO call (lead_id, outcome, at, ended_at, actor, follow_up_due) VALUES (?, 'no-answer', ?, ?, ?, ?)
                """, arguments: [lead, String(format: "2026-02-%02d 10:00:00.000", day), String(format: "2026-02-%02d 10:05:00.000", day),
                                 actors[i % actors.count], due])
        }
    }

    private static func addLeads(_ db: Database) throws {
        for n in 1...6 {
            try db.execute(sql: """
                INSERT INTO lead (org, profile, owner, created_at, updated_at, stage_changed_at)
                VALUES (?, 'consumables', ?, '2026-01-02 09:00:00.000', '2026-01-02 09:00:00.000', '2026-01-02 09:00:00.000')
                """, arguments: ["Org \(n)", actors[n % actors.count]])
        }
    }

    @Test func existingCallsMigrateAndTheRetriesFoundStayTheSame() throws {
        let tmp = TempDatabase()
        var expectedRetries: [[Int64]] = []
        var expectedLatest: [[DatabaseValue]] = []
        do {
            let queue = try DatabaseQueue(path: tmp.path)
            try Schema.migrator.migrate(queue, upTo: "v7-answer-covering-index")
            try queue.write { db in
                try Self.addLeads(db)
                try Self.fill(db, calls: 0..<40)
                expectedRetries = try Self.pairs(db, Self.retriesBefore, [Self.before])
                expectedLatest = try Self.rows(db, Self.definition)
            }
        }
        #expect(expectedLatest.count == 5)
        #expect(!expectedRetries.isEmpty)
        let store = try SQLiteStore.open(path: tmp.path)
        let queue = try DatabaseQueue(path: tmp.path)
        #expect(try queue.read(Self.stored) == expectedLatest)

        // What `due` reads, for the whole book and for each caller: the same retries as before.
        let cutoff = try #require(StoredDate.parse(Self.before))
        for owner in [nil] + Self.actors {
            var found: [[Int64]] = []
            try store.forEachFollowUpInput(before: cutoff, owner: owner) { input in
                if case .retry(let r) = input { found.append([r.lead.id, r.call.id]) }
            }
            let expected = try queue.read { db in
                try Self.pairs(db, owner == nil ? Self.retriesBefore : """
                    SELECT lead.id, c.id FROM lead JOIN call c ON c.id = (SELECT l.id FROM call l WHERE l.lead_id = lead.id
                                                                           ORDER BY l.at DESC, l.id DESC LIMIT 1)
                    WHERE c.follow_up_due IS NOT NULL AND c.follow_up_due < ? AND c.actor = ? ORDER BY lead.id
                    """, owner == nil ? [Self.before] : [Self.before, owner])
            }
            #expect(found.sorted { $0.lexicographicallyPrecedes($1) } == expected, "owner \(owner ?? "(all)")")
        }
    }

    @Test func theTriggersKeepEveryLeadsLatestCallThroughEveryChange() throws {
        let tmp = TempDatabase()
        _ = try SQLiteStore.open(path: tmp.path)
        let queue = try DatabaseQueue(path: tmp.path)
        try queue.write { db in
            try Self.addLeads(db)
            #expect(try Self.stored(db).isEmpty)
            for i in 0..<60 {
                try Self.fill(db, calls: i..<i + 1)
                #expect(try Self.stored(db) == (try Self.rows(db, Self.definition)), "after inserting call \(i)")
            }
            // Changes of time (later, earlier, tying), of lead, and of other columns.
            let changes = [
                "UPDATE call SET at = '2026-03-30 10:00:00.000' WHERE id = 7",
                "UPDATE call SET at = '2026-01-15 10:00:00.000' WHERE id = 7",
                "UPDATE call SET at = (SELECT max(at) FROM call WHERE lead_id = 2) WHERE id = 3",
                "UPDATE call SET lead_id = 6 WHERE id = 12",
                "UPDATE call SET lead_id = 1 WHERE id IN (SELECT id FROM call WHERE lead_id = 4)",
                "UPDATE call SET outcome = 'connected', follow_up_due = NULL WHERE id = 20",
                // What ending a call or reassigning it changes, on a lead's latest call.
                "UPDATE call SET outcome = 'voicemail', ended_at = '2026-03-01 10:00:00.000', follow_up_due = '2026-03-02 10:00:00.000' WHERE id = (SELECT call_id FROM call_latest WHERE lead_id = 5)",
                "UPDATE call SET actor = 'zed' WHERE id = (SELECT call_id FROM call_latest WHERE lead_id = 5)",
                "UPDATE call SET note = 'only a note' WHERE id = (SELECT call_id FROM call_latest WHERE lead_id = 5)",
                "DELETE FROM call WHERE id = (SELECT call_id FROM call_latest WHERE lead_id = 1)",
                "DELETE FROM call WHERE id = 25",
                "DELETE FROM call WHERE lead_id = 3",
                "DELETE FROM lead WHERE id = 2",
                "DELETE FROM call",
            ]
            for sql in changes {
                try db.execute(sql: sql)
                #expect(try Self.stored(db) == (try Self.rows(db, Self.definition)), "after \(sql)")
            }
            #expect(try Self.stored(db).isEmpty)
        }
    }
}
