import DiscoveryCore
import DiscoveryStorage
import Foundation

extension Session {
    /// Resolves a lead named by id (`L7`, `7`) or a unique prefix of its organisation name;
    /// with no name, the current lead.
    public func lead(_ token: String?) throws(DiscoveryError) -> Lead {
        guard let token else {
            guard let id = currentLead else {
                throw .failed("no current lead: name one (e.g. L7) or pick one with 'use L7'")
            }
            guard let lead = try store.lead(id: id) else {
                currentLead = nil
                throw .failed("the current lead L\(id) no longer exists; pick another with 'use'")
            }
            return lead
        }
        if let id = Self.leadId(token) {
            guard let lead = try store.lead(id: id) else {
                throw .failed("no lead L\(id). 'lead list' shows the leads there are")
            }
            return lead
        }
        let matches = try store.leads(withOrgPrefix: token, limit: 6)
        if matches.isEmpty {
            throw .failed("no lead matches '\(token)': give an id (L7) or the start of an organisation name")
        }
        if let exact = matches.first(where: { $0.org.caseInsensitiveCompare(token) == .orderedSame }), matches.count > 1 {
            let exactCount = matches.filter { $0.org.caseInsensitiveCompare(token) == .orderedSame }.count
            if exactCount == 1 { return exact }
        }
        guard matches.count == 1 else {
            let listed = matches.prefix(5).map { "\($0.label) \($0.org)" }.joined(separator: ", ")
            throw .failed("'\(token)' matches several leads: \(listed)\(matches.count > 5 ? ", ..." : ""); use the id")
        }
        return matches[0]
    }

    /// `L7` or `7` → 7.
    static func leadId(_ token: String) -> Int64? {
        var digits = Substring(token)
        if let f = digits.first, f == "L" || f == "l" { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    /// For `CMD [LEAD] A B`: splits off the optional leading lead when more than `required`
    /// words were given, and resolves it (or the current lead).
    public func leadAndRest(_ args: [String], required: Int) throws(DiscoveryError) -> (Lead, [String]) {
        if args.count > required {
            return (try lead(args[0]), Array(args.dropFirst()))
        }
        return (try lead(nil), args)
    }
}
