import DiscoveryCore
import DiscoveryStorage

extension Completer {
    /// The words one completion kind offers. `option` is the option whose value is being typed,
    /// if any: a placeholder such as `yes|no|unknown` lists its own values.
    func values(_ kind: CompletionKind, option: OptionSpec? = nil, context: Context) -> [String] {
        switch kind {
        case .command: return CommandRegistry.topLevelNames
        case .lead: return leadWords(context.current)
        case .contact: return contactWords(context)
        case .question: return ((try? session.catalog)?.sets ?? []).flatMap(\.questions).map(\.fullId)
        case .set: return ((try? session.catalog)?.sets ?? []).map(\.id)
        case .stage: return Stage.allCases.map(\.rawValue)
        case .reason: return ReasonCode.allCases.map(\.rawValue)
        case .outcome: return CallOutcome.allCases.map(\.rawValue)
        case .action: return NextAction.allCases.map(\.rawValue)
        case .role: return ContactRole.allCases.map(\.rawValue)
        case .consent: return Consent.allCases.map(\.rawValue)
        case .signal: return ((try? session.catalog)?.signals ?? []).map(\.id)
        case .profile: return ((try? session.catalog)?.profiles ?? []).map(\.id)
        case .leadField: return LeadField.allCases.map(\.rawValue)
        case .contactField: return ContactField.allCases.map(\.rawValue)
        case .reportKind: return ReportKind.allCases.map(\.rawValue)
        case .format: return Self.placeholderWords(option) ?? Self.formats
        case .words(let list): return list
        case .none: return Self.placeholderWords(option) ?? []
        }
    }

    /// Every output format; a command's own `--format A|B` placeholder narrows it.
    static let formats = ["md", "json", "csv", "hubspot", "salesforce"]

    /// `yes|no|unknown` → its words; `nil` for a plain placeholder such as `N`.
    static func placeholderWords(_ option: OptionSpec?) -> [String]? {
        guard let value = option?.value, value.contains("|") else { return nil }
        return value.split(separator: "|").map(String.init)
    }

    /// Lead ids (`L7`, or `7` when digits are typed) and organisation names starting with
    /// what is typed.
    func leadWords(_ current: String) -> [String] {
        var words: [String] = []
        let digits = current.drop { $0 == "L" || $0 == "l" }
        if !current.isEmpty, current.count - digits.count <= 1, digits.allSatisfy({ $0.isASCII && $0.isNumber }) {
            let leads = (try? session.store.leads(LeadFilter())) ?? []
            let bare = digits.count == current.count
            words += leads.map { bare ? String($0.id) : $0.label }
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
