import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// Where a statement's lead columns are, found once from its first row: the rows of a long
/// cursor are then read by position. Reading by name hashes the name on every read, a tenth
/// of `due` over a whole book. Decodes exactly as `Rows.lead`, loudly on unknown values.
struct LeadColumns {
    static let names = ["id", "org", "type", "specialty", "region", "beds", "source", "profile", "consent", "owner", "stage",
                        "stage_reason", "stage_note", "created_at", "updated_at", "stage_changed_at", "mql_at", "route_rule",
                        "requalify_trigger", "requalify_at", "website"]
    private let at: [Int]

    /// `nil` when the row lacks one of the lead's columns (then read by name, `Rows.lead`).
    init?(_ row: Row) {
        let columns = Array(row.columnNames)
        var at: [Int] = []
        for name in Self.names {
            // The first column of the name: the lead's, when it comes first (`SELECT lead.*, ...`).
            guard let i = columns.firstIndex(of: name) else { return nil }
            at.append(i)
        }
        self.at = at
    }

    func lead(_ row: Row) throws -> Lead {
        let id: Int64 = row[at[0]]
        func fixed<T: RawRepresentable>(_ type: T.Type, _ k: Int) throws -> T? where T.RawValue == String {
            guard let text: String = row[at[k]] else { return nil }
            guard let value = T(rawValue: text) else { throw Rows.unknown(table: "lead", row: id, column: Self.names[k], value: text) }
            return value
        }
        func date(_ k: Int) -> Date? { StoredDate.decode(row[at[k]] as DatabaseValue) }
        guard let consent = try fixed(Consent.self, 8) else { throw Rows.unknown(table: "lead", row: id, column: "consent", value: "NULL") }
        guard let stage = try fixed(Stage.self, 10) else { throw Rows.unknown(table: "lead", row: id, column: "stage", value: "NULL") }
        let updatedAt = date(14)
        return Lead(id: id, org: row[at[1]], type: row[at[2]], specialty: row[at[3]], region: row[at[4]], beds: row[at[5]],
                    source: row[at[6]], profile: row[at[7]], consent: consent, owner: row[at[9]], stage: stage,
                    stageReason: try fixed(ReasonCode.self, 11), stageNote: row[at[12]], createdAt: date(13) ?? row[at[13]],
                    updatedAt: updatedAt, stageChangedAt: date(15), mqlAt: date(16), routeRule: row[at[17]],
                    requalify: (row[at[18]] as String?).map { RequalifyMark(trigger: $0, at: date(19) ?? updatedAt ?? row[at[14]]) },
                    website: row[at[20]])
    }
}

/// Leads read from a cursor by position (`LeadColumns`), the positions found on the first row.
struct LeadReader {
    private var columns: LeadColumns?
    private var resolved = false

    mutating func lead(_ row: Row) throws -> Lead {
        if !resolved {
            columns = LeadColumns(row)
            resolved = true
        }
        return try columns?.lead(row) ?? Rows.lead(row)
    }
}
