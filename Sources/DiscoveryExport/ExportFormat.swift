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
    public func makeWriter() -> LeadExportWriter {
        switch self {
        case .csv: return CSVExport()
        case .json: return JSONExport()
        case .hubspot: return HubSpotExport()
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
}

/// A CSV export: one row per contact (lead fields repeated) or one row for a lead without contacts.
/// `row` gathers what the columns read (a name split once per row, the CRM mapping).
protocol CSVRowExport: LeadExportWriter {
    associatedtype Row
    var csv: CSVWriter<Row> { get }
    func row(_ lead: Lead, contact: Contact?) -> Row
}

extension CSVRowExport {
    public func begin() -> String { csv.headerLine() }
    public func end() -> String { "" }

    public mutating func write(_ lead: Lead, contacts: [Contact]) -> String {
        var out = ""
        out.reserveCapacity(256 * max(1, contacts.count))
        if contacts.isEmpty { csv.append(row(lead, contact: nil), to: &out) }
        for contact in contacts { csv.append(row(lead, contact: contact), to: &out) }
        return out
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
