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
        // Nothing of the log is kept: the log is read twice (as `lead list` reads the book), a
        // first pass measuring the columns, a second writing each line into blocks. `--limit`'s
        // newest entries are read once and kept (oldest of them first), at most N.
        let newest = try limit.map { limit throws(DiscoveryError) in try session.store.audit(lead: leadId, limit: limit) }
        func forEachEntry(_ body: (AuditEntry) throws(DiscoveryError) -> Void) throws(DiscoveryError) {
            if let newest {
                for e in newest { try body(e) }
            } else {
                try session.store.forEachAuditEntry(lead: leadId, body)
            }
        }
        let headers = ["CHANGE", "AT", "ACTOR", "LEAD", "WHAT", "VALUES"]
        var columns = TextTable.Columns(headers)
        var count = 0
        try forEachEntry { e in
            columns.measure(cells(e))
            count += 1
        }
        if count == 0 {
            session.print("The audit log is empty.")
            return
        }
        let sink = OutputSink(session.out)
        var block = ByteBlock(to: sink)
        columns.appendLine(headers, to: &block.bytes)
        try forEachEntry { (e: AuditEntry) throws(DiscoveryError) in
            columns.appendLine(cells(e), to: &block.bytes)
            try block.sendIfFull()
        }
        try block.send()
        try sink.flush()
    }
}
