import DiscoveryCore

/// The file formats `export` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// Our own columns; `import` reads it back without loss.
    case csv
    /// One JSON object per lead (`schema_version`, snake_case keys, ISO-8601 dates).
    case json
    /// HubSpot contact import property names.
    case hubspot
    /// Salesforce Lead object API names.
    case salesforce

    /// A fresh writer for this format.
    public func makeWriter(withCustom: Bool = false) -> LeadExportWriter {
        switch self {
        case .csv: return CSVExport()
        case .json: return JSONExport()
        case .hubspot: return HubSpotExport(withCustom: withCustom)
        case .salesforce: return SalesforceExport()
        }
    }
}

/// Turns leads into text one lead at a time, so an export of any size streams.
public protocol LeadExportWriter {
    /// What comes before the first lead (a header row, `[`).
    func begin() -> String
    /// One lead with its contacts: for CSV, one row per contact, or one row when it has none.
    mutating func write(_ lead: Lead, contacts: [Contact]) -> String
    /// What comes after the last lead.
    func end() -> String
    /// What the user must hear about the rows written so far (a name kept whole, a value cut
    /// to a CRM's field length, a lead left out), each naming its lead.
    var warnings: [String] { get }
}

extension LeadExportWriter {
    public var warnings: [String] { [] }
}

/// A CSV export: one row per contact (lead fields repeated) or one row for a lead without contacts.
/// `row` gathers what the columns read (a name split once per row, the CRM mapping).
protocol CSVRowExport: LeadExportWriter {
    associatedtype Row
    var csv: CSVWriter<Row> { get }
    func row(_ lead: Lead, contact: Contact?) -> Row
    /// Rows to write for a lead with `contacts` (default: one per contact, or one without).
    mutating func rows(_ lead: Lead, contacts: [Contact]) -> [Row]
}

extension CSVRowExport {
    public func begin() -> String { csv.headerLine() }
    public func end() -> String { "" }

    public mutating func write(_ lead: Lead, contacts: [Contact]) -> String {
        var out = ""
        out.reserveCapacity(256 * max(1, contacts.count))
        for row in rows(lead, contacts: contacts) { csv.append(row, to: &out) }
        return out
    }

    mutating func rows(_ lead: Lead, contacts: [Contact]) -> [Row] {
        contacts.isEmpty ? [row(lead, contact: nil)] : contacts.map { row(lead, contact: $0) }
    }
}

/// A lead with one of its contacts (nil for a lead without contacts): one row of an export.
struct LeadContact {
    let lead: Lead
    let contact: Contact?
}

extension ExportFormat: FixedListValue {
    public static let valueName = "format"
    public static let listName = "Formats"
    /// A wrong `--format` is a malformed command line.
    public static var unknownKind: DiscoveryError.Kind { .usage }
}
