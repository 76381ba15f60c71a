import DiscoveryCore

extension Command {
    static let ask = Command(CommandSpec(
        ["ask"],
        usage: "ask [LEAD] [SET...] [--lead LEAD]",
        summary: "Interview: walk the unanswered questions (default: the sets of the lead's profile), committing each answer",
        example: "ask timeline committee",
        group: .discovery, arguments: 0...0, unlimited: true,
        options: [OptionSpec("--lead", "LEAD", completion: .lead)],
        completing: [.set]
    )) { inv, session in
        // `ask L7 fit`: a first word that is no set but names a lead is the lead.
        var words = inv.arguments
        var leadToken = inv.option("--lead")
        if leadToken == nil, let first = words.first, try session.catalog.set(first) == nil,
           Session.leadId(first) != nil || (try? session.lead(first)) != nil {
            leadToken = first
            words.removeFirst()
        }
        // The sets are checked before the lead, so a mistyped set is named even without a current lead.
        var sets: [QuestionSet] = []
        for token in words {
            let set = try QuestionLookup.set(token, in: session.catalog)
            if !sets.contains(where: { $0.id == set.id }) { sets.append(set) }
        }
        let lead = try session.lead(leadToken)
        if sets.isEmpty { sets = try QuestionLookup.profileSets(of: lead, in: session.catalog) }
        guard sets.contains(where: { !$0.questions.isEmpty }) else {
            throw DiscoveryError.failed("no questions to ask: \(sets.isEmpty ? "the profile '\(lead.profile)' names no question sets" : "the sets \(sets.map(\.id).joined(separator: ", ")) have no questions")")
        }
        try Interview(session: session, lead: lead, sets: sets).run()
    }
}
