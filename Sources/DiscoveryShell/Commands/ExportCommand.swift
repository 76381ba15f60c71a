import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage

extension Command {
    static let export = Command(CommandSpec(
        ["export"],
        usage: "export [--format \(ExportFormat.words.joined(separator: "|"))] [--status S] [--out FILE] [--force]",
        summary: "Write many leads at once: our CSV, JSON, or a HubSpot / Salesforce import file",
        example: "export --format hubspot --status sql --out sql-leads.csv",
        group: .output,
        options: [OptionSpec("--format", "F", completion: .values(ExportFormat.self)),
                  OptionSpec("--status", "S", completion: .values(Stage.self)), OptionSpec("--out", "FILE"), .flag("--force")]
    )) { inv, session in
        let format = try ExportFormat.parse(inv.option("--format") ?? "csv")
        let stage = try inv.option("--status").map(Stage.parse)
        var leads = 0
        var rows = 0
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
            var writer = format.makeWriter()
            try sink.write(writer.begin())
            leads = try session.store.forEachLeadWithContacts(stage: stage) { lead, contacts in
                rows += max(1, contacts.count)
                try sink.write(writer.write(lead, contacts: contacts))
            }
            try sink.write(writer.end())
        }
        if let path = inv.option("--out") {
            let what = format == .json ? "" : " (\(rows) row\(rows == 1 ? "" : "s"))"
            session.print("Exported \(leads) lead\(leads == 1 ? "" : "s")\(what) to \(path)")
        }
    }
}
