import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage
import Foundation

extension Command {
    static let `import` = Command(CommandSpec(
        ["import"],
        usage: "import FILE.csv [--dry-run]",
        summary: "Import leads and contacts from a CSV (ours, HubSpot or Salesforce columns); dedupes by email, then organisation",
        example: "import hubspot-contacts.csv --dry-run",
        group: .output, arguments: 1...1, options: [.flag("--dry-run")], completing: [.none]
    )) { inv, session in
        let path = inv.arguments[0]
        let dryRun = inv.flag("--dry-run")
        let reader = try CSVReader(path: path)
        let header: [String]
        switch try reader.next() {
        case nil: throw DiscoveryError.failed("\(path): the file is empty; expected a header row such as 'company,firstname,lastname,email'")
        case .bad(let line, let message)?: throw DiscoveryError.failed("\(path):\(line): header: \(message)")
        case .record(_, let fields)?: header = fields
        }
        let columns = try ImportColumns(header: header, file: path)
        if !columns.ignored.isEmpty {
            session.warn("\(path): columns not imported: \(columns.ignored.joined(separator: ", "))")
        }
        let profiles = try session.catalog.profiles.map(\.id)
        let report = ImportReport(path: path, session: session)
        let progress = ImportProgress(session: session, fileSize: ImportProgress.size(of: path))
        var footer = false
        let tally = try session.store.importRows(
            ImportOptions(dryRun: dryRun, actor: session.user, at: session.now(), defaultProfile: session.defaultProfile,
                          defaultOwner: .some(try session.defaultOwner)),
            next: { () throws(DiscoveryError) -> ImportItem? in
                switch try reader.next() {
                case nil: return nil
                case _ where footer: return nil
                case .bad(let line, let message)?: return .bad(ImportRowError(line: line, message: message))
                case .record(let line, let fields)?:
                    if ReportFooter.begins(fields, columns: columns.count) {
                        // A Salesforce report's footer: the data ended on the line before.
                        footer = true
                        session.warn("\(path):\(line): a report footer ('\(fields[0])') begins here; the lines from here on are not rows")
                        return nil
                    }
                    switch ImportRecord.parse(line: line, fields: fields, columns: columns, profiles: profiles) {
                    case .success(let r):
                        for note in r.notes { session.warn("\(path):\(line): \(note)") }
                        return .record(r)
                    case .failure(let e): return .bad(e)
                    }
                }
            },
            onBad: report.bad,
            progress: { progress.update(rows: $0.rows, bytes: reader.bytesRead) })
        progress.finish()
        report.finish()
        session.print(report.summary(tally, dryRun: dryRun))
        if tally.conflicts > 0 {
            throw DiscoveryError.failed("\(tally.conflicts) row\(tally.conflicts == 1 ? "" : "s") named another person than the contact \(tally.conflicts == 1 ? "its" : "their") email belongs to (listed above) and \(dryRun ? "would be" : "were") left out\(tally.skipped > 0 ? "; \(tally.skipped) more skipped" : "")")
        }
        if tally.skipped > 0 {
            throw DiscoveryError.failed("\(tally.skipped) row\(tally.skipped == 1 ? " was" : "s were") skipped (listed above); \(dryRun ? "the other rows would be imported" : "the other rows were imported")")
        }
    }
}

/// Reports bad rows as `FILE:LINE: message; row skipped`, at most `limit` of them.
final class ImportReport {
    let path: String
    let session: Session
    static let limit = 50
    private var count = 0

    init(path: String, session: Session) {
        self.path = path
        self.session = session
    }

    func bad(_ e: ImportRowError) {
        count += 1
        if count <= Self.limit {
            session.err.write("\(path):\(e.line): \(e.message); row skipped\n")
        }
    }

    func finish() {
        if count > Self.limit {
            session.err.write("\(path): ... and \(count - Self.limit) more bad rows\n")
        }
    }

    func summary(_ t: ImportTally, dryRun: Bool) -> String {
        func n(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        let parts = [n(t.leadsCreated, "lead") + " created", n(t.contactsCreated, "contact") + " created",
                     n(t.leadsUpdated, "lead") + " updated", n(t.contactsUpdated, "contact") + " updated",
                     "\(t.unchanged) unchanged", "\(t.skipped) skipped"].joined(separator: ", ")
            + (t.conflicts > 0 ? ", \(n(t.conflicts, "conflict")) left for you" : "")
        let head = dryRun ? "Dry run, nothing written: \(path) would give" : "Imported \(path):"
        return "\(head) \(parts) (\(n(t.rows, "row")))."
    }
}

/// A progress bar on standard error, only when it is a terminal and the file is large.
final class ImportProgress {
    /// Rows before the bar appears: small files import in a blink.
    static let threshold = 5_000
    let enabled: Bool
    let fileSize: Int
    private let err: TextOutput
    private var shown = false

    /// The bar is drawn only on the real standard error, when it is a terminal.
    convenience init(session: Session, fileSize: Int) {
        self.init(err: session.err, enabled: (session.err as? StandardStream)?.isStandardError == true && isatty(2) == 1, fileSize: fileSize)
    }

    init(err: TextOutput, enabled: Bool, fileSize: Int) {
        self.err = err
        self.enabled = enabled
        self.fileSize = max(fileSize, 1)
    }

    static func size(of path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.intValue ?? 0
    }

    /// Redraws the bar: `importing [###...   ] 45% 12000 rows`, the share read of the file.
    func update(rows: Int, bytes: Int) {
        guard enabled, rows >= Self.threshold else { return }
        let fraction = min(1, Double(bytes) / Double(fileSize))
        let width = 30
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        err.write("\rimporting [\(bar)] \(Int(fraction * 100))% \(rows) rows")
        shown = true
    }

    /// Clears the bar's line.
    func finish() {
        if shown { err.write("\r\u{1B}[K") }
    }
}
