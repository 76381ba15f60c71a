import DiscoveryCore

/// Question and set names typed by a user, resolved against the catalog.
enum QuestionLookup {
    /// A question by its full id `set.question`, or by its bare id when only one set has it.
    static func question(_ token: String, in catalog: Catalog) throws(DiscoveryError) -> Question {
        if let q = catalog.question(token) { return q }
        let all = catalog.sets.flatMap(\.questions)
        if !token.contains(".") {
            let bare = all.filter { $0.id == token }
            if bare.count == 1 { return bare[0] }
            if bare.count > 1 {
                throw .failed("'\(token)' is a question of several sets: \(bare.map(\.fullId).joined(separator: ", ")); give set.question")
            }
        }
        if all.isEmpty {
            throw .failed("unknown question '\(token)': no question sets are loaded")
        }
        let hint = Suggestion.hint(for: token, in: all.map(\.fullId))
        // `fit.nonexist`: the set is right, the question is not; list that set's questions.
        if hint.isEmpty, let dot = token.firstIndex(of: "."), let set = catalog.set(String(token[..<dot])), !set.questions.isEmpty {
            throw .failed("unknown question '\(token)': set '\(set.id)' has no such question. Its questions: \(set.questions.map(\.fullId).joined(separator: ", "))")
        }
        throw .failed("unknown question '\(token)'.\(hint) Questions are named set.question, e.g. \(all[0].fullId)")
    }

    /// True when `token` names a question (so it is not a lead name).
    static func isQuestion(_ token: String, in catalog: Catalog) -> Bool {
        (try? question(token, in: catalog)) != nil
    }

    /// A set by id; unknown → the closest and the list.
    static func set(_ token: String, in catalog: Catalog) throws(DiscoveryError) -> QuestionSet {
        if let s = catalog.set(token) { return s }
        let ids = catalog.sets.map(\.id)
        throw .failed("unknown question set '\(token)'.\(Suggestion.hint(for: token, in: ids)) Sets: \(ids.isEmpty ? "(none loaded)" : ids.joined(separator: ", "))")
    }

    /// The sets an interview or listing covers by default: the lead's profile's, in its order.
    static func profileSets(of lead: Lead, in catalog: Catalog) throws(DiscoveryError) -> [QuestionSet] {
        guard let profile = catalog.profile(lead.profile) else {
            throw .failed("\(lead.label)'s profile '\(lead.profile)' is not in the question sets; name the sets (e.g. 'ask fit need') or change it with 'lead set profile P'")
        }
        return profile.sets.compactMap(catalog.set)
    }
}
