import DiscoveryCore
import DiscoveryExport
import DiscoveryStorage
import Foundation

extension Command {
    static let answers = Command(CommandSpec(
        ["answers"],
        usage: "answers [LEAD] [SET] [--json] | answers [LEAD] --history QUESTION [--json]",
        summary: "The recorded answers, grouped by set; --history shows every revision of one question",
        example: "answers timeline",
        group: .discovery, arguments: 0...2,
        options: [OptionSpec("--history", "QUESTION", completion: .question), .flag("--json")],
        completing: [.lead, .set]
    )) { inv, session in
        if let token = inv.option("--history") {
            guard inv.arguments.count <= 1 else {
                throw DiscoveryError.usage("'answers --history' takes at most a lead besides the question. Usage: \(inv.spec.usage)")
            }
            let lead = try session.lead(inv.arguments.first)
            let question = try QuestionLookup.question(token, in: session.catalog)
            try AnswerHistoryView(lead: lead, question: question, session: session).show(json: inv.flag("--json"))
            return
        }
        let (lead, setFilter) = try answersTarget(inv.arguments, session: session)
        try AnswersView(lead: lead, onlySet: setFilter, session: session).show(json: inv.flag("--json"))
    }

    /// `answers [LEAD] [SET]`: one word is a set when a set has that id, else a lead.
    private static func answersTarget(_ args: [String], session: Session) throws(DiscoveryError) -> (Lead, QuestionSet?) {
        switch args.count {
        case 0:
            return (try session.lead(nil), nil)
        case 1:
            if let set = try session.catalog.set(args[0]) { return (try session.lead(nil), set) }
            return (try session.lead(args[0]), nil)
        default:
            return (try session.lead(args[0]), try QuestionLookup.set(args[1], in: session.catalog))
        }
    }
}

/// `answers`: the answers in force, grouped by set (the lead's profile order first).
struct AnswersView {
    let lead: Lead
    let onlySet: QuestionSet?
    let session: Session

    struct Item: Encodable {
        var question: String
        var set: String
        var ask: String?
        var type: String?
        var value: PlainJSON?
        var display: String?
        var note: String?
        var applies: Bool
        var answeredAt: Date
        var actor: String
        var callId: Int64?
    }

    func show(json: Bool) throws(DiscoveryError) {
        let latest = try session.store.latestRevisions(lead: lead.id)
        let inForce = Dictionary(latest.compactMap { a in a.value.map { (a.question, $0) } }, uniquingKeysWith: { $1 })
        let catalog = try session.catalog
        let items = ordered(latest, catalog: catalog).map { item($0, inForce: inForce, catalog: catalog) }
        if json {
            struct Output: Encodable { var lead: String; var answers: [Item] }
            session.print(JSONText.encode(Output(lead: lead.label, answers: items)))
            return
        }
        guard !items.isEmpty else {
            let scope = onlySet.map { " in \($0.id)" } ?? ""
            session.print("\(lead.label) has no answers\(scope) yet: 'ask\(onlySet.map { " \($0.id)" } ?? "")' walks through the questions.")
            return
        }
        var currentSet: String?
        for item in items {
            if item.set != currentSet {
                currentSet = item.set
                let title = catalog.set(item.set)?.title
                session.print(title.map { "\(item.set) — \($0)" } ?? "\(item.set) (no longer in the question sets)")
            }
            let qid = String(item.question.dropFirst(item.set.count + 1))
            session.print("  \(qid)  \(item.ask ?? "(question no longer in the question sets)")")
            var answerLine = "    = \(item.display ?? "(not answered)")"
            if !item.applies { answerLine += "  (no longer applies)" }
            session.print(answerLine)
            if let note = item.note { session.print("    note: \(note)") }
        }
    }

    /// The revisions to show, grouped by set: profile sets first, then the others, each in
    /// question order (questions no longer in the catalog last).
    private func ordered(_ latest: [Answer], catalog: Catalog) -> [Answer] {
        let shown = latest.filter { $0.value != nil || $0.note != nil }
        var setOrder = catalog.profile(lead.profile)?.sets ?? []
        for s in catalog.sets.map(\.id) where !setOrder.contains(s) { setOrder.append(s) }
        func setId(_ a: Answer) -> String { String(a.question.prefix { $0 != "." }) }
        func rank(_ a: Answer) -> (Int, Int, Int64) {
            let s = setId(a)
            let setRank = setOrder.firstIndex(of: s) ?? setOrder.count
            let qRank = catalog.set(s)?.questions.firstIndex { $0.fullId == a.question } ?? Int.max
            return (setRank, qRank, a.id)
        }
        return shown.filter { onlySet == nil || setId($0) == onlySet?.id }.sorted { rank($0) < rank($1) }
    }

    private func item(_ a: Answer, inForce: [String: AnswerValue], catalog: Catalog) -> Item {
        let q = catalog.question(a.question)
        return Item(question: a.question, set: String(a.question.prefix { $0 != "." }), ask: q?.ask,
                    type: q?.type.rawValue, value: a.value.map(AnswerText.json),
                    display: a.value.map { AnswerText.describe($0, for: q) }, note: a.note,
                    applies: q?.isApplicable(given: inForce) ?? true, answeredAt: a.at, actor: a.actor, callId: a.callId)
    }
}
