import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage

extension Command {
    static let export = Command(CommandSpec(
        ["export"],
        usage: "export [--format \(ExportFormat.words.joined(separator: "|"))] [--status S] [--out FILE] [--force] [--with-custom]",
        summary: "Write many leads at once: our CSV, JSON, or a HubSpot / Salesforce import file",
        example: "export --format hubspot --status sql --out sql-leads.csv",
        group: .output,
        options: [OptionSpec("--format", "F", completion: .values(ExportFormat.self)),
                  OptionSpec("--status", "S", completion: .values(Stage.self)), OptionSpec("--out", "FILE"), .flag("--force"),
                  .flag("--with-custom")]
    )) { inv, session in
        let format = try ExportFormat.parse(inv.option("--format") ?? "csv")
        let stage = try inv.option("--status").map(Stage.parse)
        let withCustom = inv.flag("--with-custom")
        if withCustom && format != .hubspot {
            throw DiscoveryError.usage("--with-custom only applies with --format hubspot (its discovery_* custom properties)")
        }
        var leads = 0
        var rows = 0
        var optOut: String?
        var optOutCount = 0
        try OutputTarget.write(inv, session: session) { sink in
            if format == .json {
                // JSON carries each lead's verdict, so it reads whole records (one transaction).
                var writer = JSONExport()
                try sink.write(writer.begin())
                try session.store.forEachQualificationRecord(createdSince: nil) { record in
                    guard stage == nil || record.lead.stage == stage else { return }
                    leads += 1
                    let verdict = try? session.qualification(of: record, rankingQuestions: false).verdict
                    try sink.write(writer.write(record.lead, contacts: record.contacts, verdict: verdict))
                }
                try sink.write(writer.end())
                return
            }
            var writer = format.makeWriter(withCustom: withCustom)
            try sink.write(writer.begin())
            leads = try session.store.forEachLeadWithContacts(stage: stage) { lead, contacts in
                // HubSpot writes no row for a lead without contacts (it is reported instead).
                rows += format == .hubspot ? contacts.count : max(1, contacts.count)
                try sink.write(writer.write(lead, contacts: contacts))
            }
            try sink.write(writer.end())
            for line in writer.warnings { session.warn(line) }
            if let hubspot = writer as? HubSpotExport, !hubspot.optOutEmails.isEmpty {
                optOut = hubspot.optOutList()
                optOutCount = hubspot.optOutEmails.count
            }
            if let hubspot = writer as? HubSpotExport { leads -= hubspot.leftOut.count }
        }
        if let list = optOut {
            // HubSpot takes opted-out people through its opt-out list import, not a property.
            let noun = "\(optOutCount) contact\(optOutCount == 1 ? "" : "s") who must not get email"
            if let path = inv.option("--out") {
                let listPath = OptOutList.path(besides: path)
                let file = try SafeFileWriter(path: listPath, force: inv.flag("--force"))
                do {
                    try file.write(list)
                    try file.commit()
                } catch {
                    file.discard()
                    throw error
                }
                session.warn("\(noun): import \(listPath) in HubSpot as an opt-out list (Import > Opt-out list)")
            } else {
                session.warn("\(noun): give --out FILE to also write their opt-out list for HubSpot's opt-out import")
            }
        }
        if let path = inv.option("--out") {
            let what = format == .json ? "" : " (\(rows) row\(rows == 1 ? "" : "s"))"
            session.print("Exported \(leads) lead\(leads == 1 ? "" : "s")\(what) to \(path)")
        }
    }
}

/// Where the HubSpot opt-out list goes: beside the export, `leads.csv` → `leads-opt-out.csv`.
enum OptOutList {
    static func path(besides path: String) -> String {
        let base = path.lowercased().hasSuffix(".csv") ? String(path.dropLast(4)) : path
        return base + "-opt-out.csv"
    }
}
