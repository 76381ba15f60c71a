import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage

extension Command {
    static let audit = Command(CommandSpec(
        ["audit"],
        usage: "audit [LEAD] [--limit N] [--all]",
        summary: "Show the append-only audit log (of one lead, or of every lead with --all)",
        example: "audit L7 --limit 20",
        group: .output, arguments: 0...1, options: [OptionSpec("--limit", "N"), .flag("--all")], completing: [.lead]
    )) { inv, session in
        let limit = try inv.option("--limit").map { try Validation.nonNegativeInt($0, name: "--limit") }
        var leadId: Int64?
        if !inv.flag("--all") {
            leadId = (inv.arguments.first != nil || session.currentLead != nil) ? try session.lead(inv.arguments.first).id : nil
        }
        let entries = try session.store.audit(lead: leadId, limit: limit)
        if entries.isEmpty {
            session.print("The audit log is empty.")
            return
        }
        func cells(_ e: AuditEntry) -> [String] {
            var what = "\(e.action.rawValue) \(e.entity)"
            if let id = e.entityId, e.entity != "lead", e.action != .undo { what += " #\(id)" }
            if let f = e.field { what += " \(f)" }
            var change = ""
            switch e.action {
            case .update, .revise: change = "\(e.oldValue ?? "(empty)") → \(e.newValue ?? "(empty)")"
            case .create: change = e.newValue ?? ""
            case .undo: change = "reverted change \(e.entityId.map(String.init) ?? "?")"
            case .delete: change = "personal data erased"
            }
            return [String(e.changeId), Dates.iso(e.at), e.actor, e.leadId.map { "L\($0)" } ?? "-", what, change]
        }
        // The entries are kept, their cells and the table's text are not: a first pass measures
        // the columns, a second writes each line into blocks (`audit --all` over a whole book).
        let headers = ["CHANGE", "AT", "ACTOR", "LEAD", "WHAT", "VALUES"]
        var columns = TextTable.Columns(headers)
        for e in entries { columns.measure(cells(e)) }
        let sink = OutputSink(session.out)
        var block = ByteBlock(to: sink)
        columns.appendLine(headers, to: &block.bytes)
        for e in entries {
            columns.appendLine(cells(e), to: &block.bytes)
            try block.sendIfFull()
        }
        try block.send()
        try sink.flush()
    }
}
