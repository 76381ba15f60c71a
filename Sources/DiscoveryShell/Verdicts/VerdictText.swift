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
            let why = v.sqlBlockers(minFit: q.profile.sql.minFit).map { blocker in
                if case .gatesMissing(let gates) = blocker { return "missing: \(gates.joined(separator: ", "))" }
                return blocker.description
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

extension VerdictText {
    /// What a change to the lead (its profile, a field) did to its verdict, one line per thing
    /// that moved: the verdict, the MQL rule (with why it holds now), the missing gates, the
    /// scores. `before` is `nil` when the old profile could not be evaluated. Empty when nothing
    /// moved and `always` is false; with `always`, an unchanged verdict is said so.
    static func changeLines(before: Qualification?, after: Qualification, always: Bool) -> [String] {
        let new = after.verdict
        guard let before else {
            return ["  verdict now: \(verdictLine(after))", "  MQL rule of \(after.profile.id): \(new.mql ? "met" : "not met") (\(new.mqlReason))"]
        }
        let old = before.verdict
        var lines: [String] = []
        let oldLine = verdictLine(before), newLine = verdictLine(after)
        if oldLine != newLine { lines.append("  verdict: \(oldLine) → \(newLine)") }
        // A `new` lead that now meets the rule moves to mql by itself, and that move says so.
        if old.mql != new.mql && !(new.mql && after.lead.stage == .new) {
            lines.append("  MQL rule of \(after.profile.id): \(old.mql ? "met" : "not met") → \(new.mql ? "met" : "not met") (\(new.mqlReason))")
            // An automatic MQL goes back to `new` by itself, and that move says so; one a person
            // moved to mql stays there.
            if !new.mql && after.lead.stage == .mql && !MQLStanding.isAutomaticMQL(after.lead) {
                lines.append("  \(after.lead.label) is at mql but no longer meets the MQL rule")
            }
        }
        for kind in ScoreKind.allCases where old.scores[kind] != new.scores[kind] || old.band(kind) != new.band(kind) {
            lines.append("  \(kind.rawValue): \(score(old, kind)) → \(score(new, kind))")
        }
        if lines.isEmpty && always && old.mql == new.mql { lines.append("  verdict unchanged: \(newLine)") }
        return lines
    }
}
