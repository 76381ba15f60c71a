import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB
import Testing
@testable import DiscoveryStore

/// The v4 migration splits the names a database already holds once, and leaves the names it
/// cannot split whole, listed by `contactsWithUnsplitNames`.
@Suite struct NameSplitMigrationTests {
    @Test func existingNamesAreSplitOnceAndTheUnsplittableAreListed() throws {
        let tmp = TempDatabase()
        do {
            let queue = try DatabaseQueue(path: tmp.path)
            try Schema.migrator.migrate(queue, upTo: "v3-changesets")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO lead (org, profile, created_at, updated_at, stage_changed_at)
                    VALUES ('Mercy', 'consumables', '2026-03-02 09:00:00.000', '2026-03-02 09:00:00.000', '2026-03-02 09:00:00.000');
                    INSERT INTO contact (lead_id, name, created_at) VALUES
                        (1, 'José García, Jr.', '2026-03-02 09:00:00.000'),
                        (1, 'nia@mercy.org', '2026-03-02 09:00:00.000'),
                        (1, 'Mary Ann Smith', '2026-03-02 09:00:00.000');
                    """)
            }
        }
        let store = try SQLiteStore.open(path: tmp.path)
        let contacts = try store.contacts(lead: 1)
        #expect(contacts.map(\.nameParts) == [PersonName(first: "José", last: "García", suffix: "Jr."), PersonName(), nil])
        #expect(contacts.map(\.name) == ["José García, Jr.", "nia@mercy.org", "Mary Ann Smith"])
        #expect(try store.contactsWithUnsplitNames().map(\.name) == ["Mary Ann Smith"])
    }
}
