import DiscoveryCore
import DiscoveryStorage

extension Completer {
    /// The words one completion kind offers.
    func values(_ kind: CompletionKind, context: Context) -> [String] {
        switch kind {
        case .command: return CommandRegistry.topLevelNames
        case .lead: return leadWords(context.current)
        case .contact: return contactWords(context)
        case .question: return ((try? session.catalog)?.sets ?? []).flatMap(\.questions).map(\.fullId)
        case .set: return ((try? session.catalog)?.sets ?? []).map(\.id)
        case .signal: return ((try? session.catalog)?.signals ?? []).map(\.id)
        case .profile: return ((try? session.catalog)?.profiles ?? []).map(\.id)
        case .words(let list): return list
        case .none: return []
        }
    }

    /// Lead ids (`L7`, or `7` when digits are typed) and organisation names starting with
    /// what is typed: each one bounded query, however many leads the database holds.
    func leadWords(_ current: String) -> [String] {
        var words: [String] = []
        let digits = current.drop { $0 == "L" || $0 == "l" }
        if !current.isEmpty, current.count - digits.count <= 1, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let ids = (try? session.store.leadIds(withDigitPrefix: String(digits), limit: limit)) ?? []
            if ids.count >= limit { truncation.happened = true }
            let bare = digits.count == current.count
            words += ids.map { bare ? String($0) : "L\($0)" }
        }
        let named = (try? session.store.leads(withOrgPrefix: current, limit: limit)) ?? []
        if named.count >= limit { truncation.happened = true }
        return words + named.map(\.org)
    }

    /// The contact names of the lead the line is about: `--lead X`, the lead typed in an
    /// optional `[LEAD]` slot, or the current lead.
    func contactWords(_ context: Context) -> [String] {
        var token: String?
        if let i = context.rest.firstIndex(of: "--lead"), i + 1 < context.rest.count {
            token = context.rest[i + 1]
        } else if let inline = context.rest.first(where: { $0.hasPrefix("--lead=") }) {
            token = String(inline.dropFirst("--lead=".count))
        } else if context.leadGiven {
            token = context.positional.first
        }
        guard let lead = try? session.lead(token), let contacts = try? session.store.contacts(lead: lead.id) else { return [] }
        return contacts.map(\.name)
    }
}
