import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage

extension Command {
    static let leadList = Command(CommandSpec(
        ["lead", "list"],
        usage: "lead list [--status S] [--owner U] [--profile P] [--search TEXT] [--json]",
        summary: "List leads, filtered by stage, owner, profile or text",
        example: "lead list --status mql --search mercy",
        group: .leads,
        options: [OptionSpec("--status", "S", completion: .values(Stage.self)), OptionSpec("--owner", "U"),
                  OptionSpec("--profile", "P", completion: .profile), OptionSpec("--search", "TEXT"), .flag("--json")]
    )) { inv, session in
        var filter = LeadFilter(owner: inv.option("--owner"), profile: inv.option("--profile"), search: inv.option("--search"))
        if let s = inv.option("--status") { filter.stage = try Stage.parse(s) }
        // Streamed: rows are written as they are read, in blocks, never collected.
        let sink = OutputSink(session.out)
        if inv.flag("--json") {
            var array = JSONArrayText()
            try session.store.forEachLead(filter) { try sink.write(array.element(LeadJSON($0, fields: LeadJSONField.listing))) }
            try sink.write(array.end())
            try sink.flush()
            return
        }
        // Two reads of the listed columns only (`LeadListRow`: an unknown stage is refused, the
        // columns not shown are not read): the first measures the table, the second writes each
        // line straight into a block of bytes.
        let headers = ["ID", "STAGE", "PROFILE", "OWNER", "REGION", "ORGANISATION"]
        func cells(_ row: LeadListRow) -> [String] { [row.label, row.stage.rawValue, row.profile, row.owner ?? "-", row.region ?? "-", row.org] }
        var columns = TextTable.Columns(headers)
        var count = 0
        try session.store.forEachLeadListRow(filter) { row in
            columns.measure(cells(row))
            count += 1
        }
        if count == 0 {
            session.print("No leads\(filter.isEmpty ? " yet: create one with 'lead new ORG'" : " match").")
            return
        }
        var block = ByteBlock(to: sink)
        columns.appendLine(headers, to: &block.bytes)
        try session.store.forEachLeadListRow(filter) { row in
            columns.appendLine(cells(row), to: &block.bytes)
            try block.sendIfFull()
        }
        try block.send()
        try sink.flush()
    }
}

extension LeadFilter {
    var isEmpty: Bool { stage == nil && owner == nil && profile == nil && search == nil }
}
