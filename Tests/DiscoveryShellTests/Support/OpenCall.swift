import Foundation
import GRDB
@testable import DiscoveryStore

extension Store {
    /// Opens a call the way `call start` does (outcome and end still NULL), for tests that
    /// need answers linked to a call.
    func openCallForTest(lead: Int64, at: Date) throws {
        try queue.write { db in
            try db.execute(sql: "INSERT INTO call (lead_id, outcome, at, actor) VALUES (?, NULL, ?, 'rep')", arguments: [lead, at])
        }
    }
}
