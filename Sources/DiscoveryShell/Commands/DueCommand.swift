import DiscoveryCore
import DiscoveryStore
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
        let sections: [(String, SLAState)] = [("Overdue", .breached), ("Due today", .due)]
        var first = true
        for (title, state) in sections {
            let part = items.filter { $0.state == state }
            guard !part.isEmpty else { continue }
            if !first { session.print() }
            first = false
            session.print(session.style.bold("\(title)\(whose) (\(part.count)):"))
            let rows = part.map { item in
                [DueText.state(item, now: now), CallTime.text(item.due), "L\(item.leadId) \(Prompt.truncate(item.org, to: 24))",
                 item.owner ?? "-", CallTime.text(item.since), item.what]
            }
            session.out.write(TextTable.render(["SLA", "DUE (UTC)", "LEAD", "OWNER", "SINCE", "WHAT"], rows, width: session.width))
        }
    }
}

enum DueText {
    /// `breached (2h 30m)` or `due (in 3h)`.
    static func state(_ item: DueItem, now: Date) -> String {
        item.state == .breached
            ? "breached (\(CallTime.span(now.timeIntervalSince(item.due))))"
            : "due (in \(CallTime.span(item.due.timeIntervalSince(now))))"
    }
}

/// `due --json`.
struct DueJSON: Encodable {
    struct Item: Encodable {
        var lead: String
        var org: String
        var owner: String?
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
    var owner: String?
    var items: [Item]
}
