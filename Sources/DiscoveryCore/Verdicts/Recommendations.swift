import Foundation

/// The next-step rules (SPEC §4, §7, §8). Each recommendation names the facts behind it.
///
/// In order: a closed lead (disqualified, closed-lost) → nothing: it is not worked until it
/// moves to another stage; a hard stop → only `disqualify` with its reason; the lead's consent `no` → only
/// `disqualify` (`no-consent`): no outreach at all; consent unknown → `request-consent` first;
/// the `nurture` verdict → `nurture`; a `no-end-customer` flag → `request-end-customer-info`.
/// A lead ready to advance (fit at the SQL minimum, intent band high or sql-ready, and every gate
/// met but `next-step`, `security-review`, and `evidence` while `evidence-open` is raised) gets `security-review` when the profile has that
/// gate unmet, `technical-review` / `evidence-review` when `technical-open` / `evidence-open` are
/// raised, and otherwise `demo`; and besides that main step `procurement-intro` when no contact
/// has the `procurement` role and no answer raised the `procurement-engaged` flag.
/// A lead not ready gets `verify-fit` (fit below the minimum with fit questions unanswered) and
/// `schedule-follow-up` to close the missing gates. Owner: the lead's owner, else the user.
/// Due: `slaBusinessDays` working days from now (call follow-ups have their own SLA).
public enum Recommendations {
    public static let slaBusinessDays = 2
    /// Gates a recommended step itself closes, so they do not hold a lead back from advancing.
    static let closedByTheStep: Set<String> = ["next-step", "security-review"]

    public static func make(_ verdict: Verdict, record: QualificationRecord, profile: Profile,
                            user: String, now: Date) -> [Recommendation] {
        let lead = record.lead
        let owner = lead.owner.flatMap { $0.isEmpty ? nil : $0 } ?? user
        let due = BusinessDays.add(slaBusinessDays, to: now)
        func make(_ action: NextAction, _ because: [String], reason: ReasonCode? = nil) -> Recommendation {
            Recommendation(action: action, because: because, owner: owner, due: due, reason: reason)
        }

        if lead.stage.isClosed { return [] }
        if let first = verdict.hardStops.first {
            let because = verdict.hardStops.map { "hard stop \($0.reason.rawValue): \($0.source.description)" }
            return [make(.disqualify, because, reason: first.reason)]
        }
        if lead.consent == .no {
            return [make(.disqualify, ["\(lead.label)'s consent is no: no outreach step may be recommended"],
                         reason: .noConsent)]
        }

        var out: [Recommendation] = []
        let doNotContact = record.contacts.filter { $0.consent == .no }
            .map { "do not contact \($0.name) (\($0.role?.rawValue ?? "no role")): consent is no" }
        func add(_ action: NextAction, _ because: [String]) {
            guard !out.contains(where: { $0.action == action }) else { return }
            out.append(make(action, because + (action.isOutreach ? doNotContact : [])))
        }
        func flagged(_ name: String) -> [String] {
            verdict.flags.filter { $0.name == name }.map { "\(name): \($0.source.description)" }
        }

        if lead.consent == .unknown {
            add(.requestConsent, ["\(lead.label)'s consent is unknown: ask for it before any other outreach"])
        }
        let fit = verdict.scores.fit
        let fitEnough = fit >= profile.sql.minFit
        if verdict.kind == .nurture {
            add(.nurture, flagged("no-timeline") + ["fit \(fit) ≥ \(profile.sql.minFit) (sql.min-fit) but no timing yet"])
        }
        let endCustomer = flagged("no-end-customer")
        if !endCustomer.isEmpty { add(.requestEndCustomerInfo, endCustomer) }

        // An open evidence request is what `evidence-review` works on: it does not hold the lead back.
        let closedByReview = closedByTheStep.union(verdict.flagNames.contains("evidence-open") ? ["evidence"] : [])
        let blocking = verdict.gates.filter { !$0.met && !closedByReview.contains($0.name) }
        let intentHigh = verdict.band(.intent) == .high
        let advance = verdict.kind != .nurture && fitEnough && blocking.isEmpty && (intentHigh || verdict.kind == .sqlReady)
        if advance {
            advancing(verdict, record: record, profile: profile, add: add, flagged: flagged)
        } else if verdict.kind == .notYet {
            let verify = verdict.askNext.filter(\.isVerification)
            if !fitEnough && !verify.isEmpty {
                add(.verifyFit, ["fit \(fit) is below the SQL minimum \(profile.sql.minFit)"]
                    + verify.prefix(3).map { "unanswered: \($0.question) \"\($0.ask)\"" })
            }
            if !blocking.isEmpty {
                var because = ["missing gates: \(blocking.map(\.name).joined(separator: ", "))"]
                because += blocking.compactMap { g in g.gaps.first.map { "\(g.name): \($0.description)" } }
                if let top = verdict.askNext.first { because.append("ask next: \(top.question) \"\(top.ask)\"") }
                add(.scheduleFollowUp, because)
            }
        }
        if !out.contains(where: { ![NextAction.requestConsent, .requestEndCustomerInfo].contains($0.action) }) {
            var because: [String] = []
            if verdict.missingGates.contains("next-step") { because.append("no open next step with an owner and a due date") }
            if !fitEnough { because.append("fit \(fit) is below the SQL minimum \(profile.sql.minFit)") }
            if !intentHigh { because.append("intent \(verdict.scores.intent) is \(verdict.band(.intent)?.rawValue ?? "low"), not high yet") }
            if because.isEmpty { because.append("keep the conversation going") }
            add(.scheduleFollowUp, because)
        }
        return out
    }

    /// Steps for a lead whose gates are met and whose intent is high (or that is sql-ready): the
    /// main step (`security-review`, `technical-review`, `evidence-review`, or else `demo`), always,
    /// and `procurement-intro` besides when no contact has the procurement role and no answer
    /// says procurement is engaged (the `procurement-engaged` flag).
    private static func advancing(_ verdict: Verdict, record: QualificationRecord, profile: Profile,
                                  add: (NextAction, [String]) -> Void, flagged: (String) -> [String]) {
        var any = false
        if let security = verdict.gates.first(where: { $0.name == "security-review" && !$0.met }) {
            add(.securityReview, ["the \(profile.id) profile requires the security-review gate: "
                                  + (security.gaps.first?.description ?? "not met")])
            any = true
        }
        for (flag, action) in [("technical-open", NextAction.technicalReview), ("evidence-open", .evidenceReview)] {
            let because = flagged(flag)
            if !because.isEmpty { add(action, because); any = true }
        }
        if !any {
            var because = ["gates met: \(verdict.gates.filter(\.met).map(\.name).joined(separator: ", "))"]
            because.append("intent \(verdict.scores.intent) is \(verdict.band(.intent)?.rawValue ?? "low")")
            because += verdict.trace.filter {
                if case .signal = $0.source, $0.kind == .intent { return true } else { return false }
            }.map { "+\($0.points) intent: \($0.source.description)" }
            add(.demo, because)
        }
        if !record.contacts.contains(where: { $0.role == .procurement }) && flagged(procurementEngagedFlag).isEmpty {
            let roles = Verdict.unique(record.contacts.compactMap { $0.role?.rawValue })
            add(.procurementIntro, ["no contact with the procurement role in the decision path"
                                    + (roles.isEmpty ? "" : " (roles named: \(roles.joined(separator: ", ")))")])
        }
    }

    /// Raised by an answer saying procurement or supply chain is already involved.
    public static let procurementEngagedFlag = "procurement-engaged"
}
