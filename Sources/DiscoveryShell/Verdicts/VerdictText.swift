import DiscoveryCore
import Foundation

/// Plain-text pieces shared by `status`, `why` and `next`.
enum VerdictText {
    /// `not-yet (missing: evidence, next-step)`, `disqualify (no-budget)`, ...
    static func verdictLine(_ q: Qualification) -> String {
        let v = q.verdict
        switch v.kind {
        case .sqlReady:
            return "sql-ready"
        case .disqualify:
            return "disqualify (\(v.hardStopReasons.map(\.rawValue).joined(separator: ", ")))"
        case .nurture:
            return "nurture (fit \(v.scores.fit) ≥ \(q.profile.sql.minFit) without timing: no-timeline)"
        case .notYet:
            var why: [String] = []
            if !v.missingGates.isEmpty { why.append("missing: \(v.missingGates.joined(separator: ", "))") }
            if v.scores.fit < q.profile.sql.minFit {
                why.append("fit \(v.scores.fit) below sql.min-fit \(q.profile.sql.minFit)")
            }
            return "not-yet (\(why.joined(separator: "; ")))"
        }
    }

    /// `55 (high)`, or the bare number when the profile gives that score no band.
    static func score(_ v: Verdict, _ kind: ScoreKind) -> String {
        "\(v.scores[kind])" + (v.band(kind).map { " (\($0.rawValue))" } ?? "")
    }

    /// `[x] need` or `[ ] timeline: timeline.target-date "..." is unanswered`.
    static func gateLine(_ g: GateStatus, explain: Bool) -> String {
        if g.met {
            return "[x] \(g.name)" + (explain ? ": " + g.satisfiedBy.map(\.description).joined(separator: "; ") : "")
        }
        let gaps = explain ? g.gaps.map(\.description) : Array(g.gaps.prefix(1).map(\.description))
        return "[ ] \(g.name): " + gaps.joined(separator: "; ")
    }

    /// `demo "Technical walkthrough", owner rep, due 2026-03-04`.
    static func nextStep(_ step: NextStep?) -> String {
        guard let step else { return "none" }
        var text = step.action.rawValue
        if let note = step.note { text += " \"\(note)\"" }
        text += ", owner \(step.owner ?? "(none)"), due \(step.due.map(Dates.day) ?? "(none)")"
        return text
    }

    /// One line of `ask next`: `verify fit.beds "How many beds?" (verify fit: up to +10 fit)`.
    static func askLine(_ item: AskNextItem) -> String {
        let reasons = item.reasons.isEmpty ? "" : " (\(item.reasons.joined(separator: "; ")))"
        return (item.isVerification ? "verify " : "") + "\(item.question) \"\(item.ask)\"" + reasons
    }

    /// `  label      value`, aligned like `lead show`.
    static func field(_ name: String, _ value: String) -> String {
        "  \(name.padding(toLength: 11, withPad: " ", startingAt: 0))\(value)"
    }
}
