import DiscoveryCore
import DiscoveryStorage

/// The prompt text: `discovery> `, or the current lead `L7 Mercy Regional> `.
public enum Prompt {
    public static func text(for session: Session) -> String {
        guard let id = session.currentLead, let lead = try? session.store.lead(id: id) else {
            return "discovery> "
        }
        return "\(lead.label) \(truncate(lead.org, to: 32))> "
    }

    static func truncate(_ s: String, to n: Int) -> String {
        s.count <= n ? s : String(s.prefix(n - 1)) + "…"
    }
}
