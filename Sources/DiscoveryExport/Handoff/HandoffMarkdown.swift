import DiscoveryCore
import Foundation

/// The handoff note as Markdown that reads well pasted into an email or a CRM note: headings
/// and bullet lists only, no tables; a line break inside a value becomes ` / `.
public enum HandoffMarkdown {
    public static func render(_ n: HandoffNote) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func bullet(_ label: String, _ value: String?) { line("- \(label): \(inline(value ?? "-"))") }
        let lead = n.lead

        line("# Handoff: \(lead.label) \(inline(lead.org))")
        line()
        line("Prepared \(minute(n.preparedAt)) by \(inline(n.preparedBy)).")
        line()
        line("## Lead")
        bullet("Organisation", lead.org)
        bullet("Type", lead.type)
        bullet("Specialty", lead.specialty)
        bullet("Region", lead.region)
        bullet("Beds", lead.beds.map(String.init))
        bullet("Profile", "\(n.profile.id) (\(n.profile.title))")
        // The stage note carries an `--override` reason and what it overrode.
        bullet("Stage", "\(lead.stage.rawValue) since \(Dates.day(lead.stageChangedAt))"
               + (lead.stageReason.map { " (\($0.rawValue))" } ?? "") + (lead.stageNote.map { "; note: \($0)" } ?? ""))
        bullet("Owner", lead.owner)
        let missing = n.verdict.missingGates
        bullet("Verdict", n.verdict.kind.rawValue + (missing.isEmpty ? "" : " (missing: \(missing.joined(separator: ", ")))"))
        bullet("MQL", "\(n.verdict.mql ? "yes" : "no"): \(n.verdict.mqlReason)")
        line()

        line("## Source and activity")
        bullet("Source", lead.source)
        bullet("Created", Dates.day(lead.createdAt))
        line("- Signals: \(n.signals.isEmpty ? "none" : String(n.signals.count))")
        for s in n.signals {
            let from = s.contact.map { " from \(inline($0))" } ?? ""
            line("  - \(Dates.day(s.at)) \(inline(s.label)) (\(s.kind))\(from)\(s.note.map { ": \(inline($0))" } ?? "")")
        }
        if !n.engagement.engaged.isEmpty { line("- Engaged contacts: \(inline(n.engagement.summary))") }
        line("- Calls: \(callSummary(n.calls))")
        for c in n.calls {
            let outcome = c.outcome?.rawValue ?? "in progress"
            let minutes = c.durationMinutes.map { ", \($0) min" } ?? ""
            line("  - \(minute(c.at)) \(outcome)\(minutes) by \(inline(c.actor))\(c.note.map { ": \(inline($0))" } ?? "")")
        }
        line()

        section(n.alignment, into: &out, first: lead.specialty.map { "Specialty on file: \(inline($0))" })

        line("## Stakeholders")
        if n.contacts.isEmpty { line("- No contacts yet") }
        for c in n.contacts {
            let parts = [c.title, c.role?.rawValue, c.email, c.phone].compactMap { $0 }.map(inline)
            line("- \(inline(c.name))\(parts.isEmpty ? "" : ": " + parts.joined(separator: "; ")); consent \(c.consent.rawValue)")
        }
        line("- Missing roles: \(n.missingRoles.isEmpty ? "none" : n.missingRoles.map(\.rawValue).joined(separator: ", "))")
        for a in n.committee.answers { out += answer(a) }
        line()

        section(n.need, into: &out)
        section(n.evidence, into: &out)
        section(n.timeline, into: &out)
        if !n.other.answers.isEmpty { section(n.other, into: &out) }

        line("## Scores and gates")
        for kind in ScoreKind.allCases {
            let band = n.verdict.band(kind).map { " (\($0.rawValue))" } ?? ""
            line("- \(kind.rawValue.capitalized): \(n.verdict.scores[kind])\(band)")
        }
        line("- Gates:")
        for g in n.verdict.gates {
            let why = g.met ? g.satisfiedBy.map(\.description) : g.gaps.map(\.description)
            line("  - [\(g.met ? "x" : " ")] \(g.name)\(why.isEmpty ? "" : ": " + why.map(inline).joined(separator: "; "))")
        }
        line()

        line("## Risks and blockers")
        if n.risks.isEmpty { line("- None known") }
        for r in n.risks { line("- \(inline(r))") }
        line()

        line("## Next step")
        if let s = n.nextStep {
            let note = s.note.map { ": \(inline($0))" } ?? ""
            line("- Agreed: \(s.action.rawValue)\(note); owner \(s.owner.map(inline) ?? "none"); due \(s.due.map(Dates.day) ?? "none")")
        } else {
            line("- None agreed yet")
        }
        if n.recommendations.isEmpty && lead.stage.isClosed {
            let reason = lead.stageReason.map { " (\($0.rawValue))" } ?? ""
            line("- Closed: \(lead.stage.rawValue)\(reason); nothing is recommended until it moves to another stage")
        }
        for r in n.recommendations {
            let reason = r.reason.map { " (\($0.rawValue))" } ?? ""
            line("- Recommended: \(r.action.rawValue)\(reason); owner \(inline(r.owner)); due \(Dates.day(r.due))")
            for b in r.because { line("  - because: \(inline(b))") }
        }
        line()

        line("## Consent")
        line("- \(inline(lead.org)): \(lead.consent.rawValue)")
        for c in n.contacts { line("- \(inline(c.name)): \(c.consent.rawValue)") }
        return out.joined(separator: "\n") + "\n"
    }

    static func section(_ s: HandoffNote.AnswerSection, into out: inout [String], first: String? = nil) {
        out.append("## \(s.title)")
        if let first { out.append("- \(first)") }
        if s.answers.isEmpty { out.append("- No answers yet") }
        for a in s.answers { out += answer(a) }
        out.append("")
    }

    /// `- Ask? Answer`, and the rep's note beneath it.
    static func answer(_ a: HandoffNote.AnswerLine) -> [String] {
        ["- \(inline(a.ask)) \(inline(a.answer))"] + (a.note.map { ["  - note: \(inline($0))"] } ?? [])
    }

    /// `3 (connected 1, voicemail 2); last 2026-03-02 connected`.
    static func callSummary(_ calls: [Call]) -> String {
        guard let last = calls.last else { return "none" }
        var tally: [String: Int] = [:]
        for c in calls { tally[c.outcome?.rawValue ?? "in progress", default: 0] += 1 }
        let parts = tally.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return "\(calls.count) (\(parts)); last \(Dates.day(last.at)) \(last.outcome?.rawValue ?? "in progress")"
    }

    /// `2026-03-02 09:00 UTC`.
    static func minute(_ date: Date) -> String {
        let iso = Dates.iso(date)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5)) + " UTC"
    }

    /// One line of text: line breaks become ` / `.
    static func inline(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline }) else { return text }
        return text.split(whereSeparator: \.isNewline).joined(separator: " / ")
    }
}
