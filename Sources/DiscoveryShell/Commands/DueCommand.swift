import DiscoveryCore
import DiscoveryExport
import Foundation

extension Command {
    static let due = Command(CommandSpec(
        ["due"],
        usage: "due [--owner U] [--json]",
        summary: "Follow-ups overdue and due today (first calls, call retries, next steps) with their SLA state",
        example: "due --owner sam",
        group: .calls, options: [OptionSpec("--owner", "U"), .flag("--json")]
    )) { inv, session in
        let owner = try inv.option("--owner").map { try Validation.text($0, name: "--owner") }
        let now = session.now()
        let items = try FollowUpList.due(session, owner: owner)
        if inv.flag("--json") {
            session.print(JSONText.encode(DueJSON(asOf: now, owner: owner, items: items.map(DueJSON.Item.init))))
            return
        }
        let whose = owner.map { " for \($0)" } ?? ""
        guard !items.isEmpty else {
            session.print("Nothing due today or overdue\(whose).")
            return
        }
        // The list is in order, overdue first: each section is the run of its state. Written
        // in blocks (one write per item made `due` over a whole book mostly system calls).
        let overdue = items.prefix { $0.state == .breached }.count
        let sections = [("Overdue", items[..<overdue]), ("Due today", items[overdue...])]
        let sink = OutputSink(session.out)
        var first = true
        for (title, part) in sections where !part.isEmpty {
            if !first { try sink.write("\n") }
            first = false
            try sink.write(session.style.bold("\(title)\(whose) (\(part.count)):") + "\n")
            for item in part { try sink.write(DueText.lines(item, now: now, width: session.width, style: session.style)) }
        }
        try sink.flush()
    }
}

/// How one due item reads: what and for which lead, then when, since when and whose.
enum DueText {
    static func lines(_ item: DueItem, now: Date, width: Int, style: Style) -> String {
        let head = Prompt.truncate("  L\(item.leadId) \(item.org): \(item.what)", to: max(20, width))
        // Next steps are due on a day, the rest at a time.
        let due = item.kind == .nextStep ? Dates.day(item.due) : CallTime.text(item.due)
        let when = item.state == .breached
            ? style.red("breached") + ": due \(due) (\(CallTime.span(now.timeIntervalSince(item.due))) ago)"
            : style.yellow("due") + " \(due) (in \(CallTime.span(item.due.timeIntervalSince(now))))"
        return head + "\n    \(when), since \(CallTime.text(item.since)), owner \(item.owner ?? "-")\n"
    }
}

/// `due --json`.
struct DueJSON: Encodable {
    struct Item: Encodable {
        var lead: String
        var org: String
        @NullEncoded var owner: String?
        var kind: String
        var what: String
        var since: Date
        var due: Date
        var slaState: String
        var overdue: Bool

        init(_ i: DueItem) {
            lead = "L\(i.leadId)"
            org = i.org
            owner = i.owner
            kind = i.kind.rawValue
            what = i.what
            since = i.since
            due = i.due
            slaState = i.state.rawValue
            overdue = i.state == .breached
        }
    }
    var asOf: Date
    @NullEncoded var owner: String?
    var items: [Item]

}
