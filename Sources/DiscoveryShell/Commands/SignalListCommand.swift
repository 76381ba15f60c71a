import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage
import Foundation

extension Command {
    static let signalList = Command(CommandSpec(
        ["signal", "list"],
        usage: "signal list [LEAD] [--json]",
        summary: "A lead's engagement signals with their points",
        example: "signal list L7",
        group: .discovery, arguments: 0...1, options: [.flag("--json")], completing: [.lead]
    )) { inv, session in
        let lead = try session.lead(inv.arguments.first)
        let events = try session.store.signals(lead: lead.id)
        let catalog = try session.catalog
        if inv.flag("--json") {
            struct Item: Encodable {
                var id: Int64, kind: String, label: String?, at: Date, actor: String, note: String?
                var score: ScoreDelta?
                var priority: String?
            }
            let items = events.map { e in
                let d = catalog.signal(e.kind)
                return Item(id: e.id, kind: e.kind, label: d?.label, at: e.at, actor: e.actor, note: e.note,
                            score: d?.score, priority: d?.priority.rawValue)
            }
            session.print(JSONText.encode(items))
            return
        }
        guard !events.isEmpty else {
            session.print("\(lead.label) has no signals yet: record one with 'signal add KIND'.")
            return
        }
        let rows = events.map { e -> [String] in
            let d = catalog.signal(e.kind)
            let points = d.map { SignalKind.points($0.score) } ?? "(kind no longer defined)"
            return [Dates.iso(e.at), e.kind, points.isEmpty ? "-" : points, e.actor, e.note ?? "-"]
        }
        session.out.write(TextTable.render(["AT", "KIND", "POINTS", "BY", "NOTE"], rows))
    }
}
