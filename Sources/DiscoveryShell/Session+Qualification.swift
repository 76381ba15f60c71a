import DiscoveryCore
import DiscoveryStorage
import Foundation

/// A lead's record with its profile and verdict, as of the session's clock.
public struct Qualification: Sendable {
    public let record: QualificationRecord
    public let profile: Profile
    public let verdict: Verdict

    public var lead: Lead { record.lead }
}

extension Session {
    /// The profile a lead is scored with; fails, naming the profile, when the question sets lack it.
    public func profile(of lead: Lead) throws(DiscoveryError) -> Profile {
        let catalog = try catalog
        guard let profile = catalog.profile(lead.profile) else {
            let known = catalog.profiles.map(\.id).joined(separator: ", ")
            throw .failed("\(lead.label)'s profile '\(lead.profile)' is not in the question sets (profiles: \(known)); change it with 'lead set \(lead.label) profile P'")
        }
        return profile
    }

    /// Reads the lead's record and evaluates its verdict now.
    public func qualification(_ lead: Lead) throws(DiscoveryError) -> Qualification {
        guard let record = try store.qualificationRecord(lead: lead.id) else {
            throw .failed("no lead \(lead.label)")
        }
        return try qualification(of: record)
    }

    /// Evaluates a record's verdict now (`rankingQuestions: false`: without the questions to
    /// ask next, for reports).
    public func qualification(of record: QualificationRecord, rankingQuestions: Bool = true) throws(DiscoveryError) -> Qualification {
        let profile = try profile(of: record.lead)
        let verdict = VerdictEngine.evaluate(record, catalog: try catalog, profile: profile, now: now(),
                                             rankingQuestions: rankingQuestions)
        return Qualification(record: record, profile: profile, verdict: verdict)
    }

    /// The recommended next steps for a qualification: owner defaults to the lead's owner, else this user.
    public func recommendations(_ q: Qualification) -> [Recommendation] {
        Recommendations.make(q.verdict, record: q.record, profile: q.profile, user: user, now: now())
    }

    /// Call after any change that can move a lead's scores (an answer, a signal, a contact, a
    /// lead field): a `new` lead that now meets its profile's MQL rule moves to `mql` by itself,
    /// as one audited change (actor: this user, note: `automatic: ` and the rule met), routed at
    /// once when it has no owner and `routing.yaml` has rules; an `mql` lead that no longer
    /// meets it (an unsubscribe, inactivity) goes back to `new` the same way, when the rule
    /// put it there (`MQLStanding.isAutomaticMQL`: a person's `stage mql` stands). Each move is
    /// printed; leads accepted by sales (`sal` and beyond) keep their stage. Never fails the command that made the
    /// change: a storage error becomes a warning, and a lead whose profile is not in the
    /// question sets is left alone. The moves are conditional on the stage seen, so two
    /// commands racing on one lead move it once.
    @discardableResult
    public func refreshQualification(_ leadId: Int64) -> Lead? {
        guard let lead = try? store.lead(id: leadId), lead.stage == .new || MQLStanding.isAutomaticMQL(lead),
              let q = try? qualification(lead), q.verdict.mql == (lead.stage == .new) else { return nil }
        if lead.stage == .mql {
            return dropMQL(q)
        }
        do {
            let route = lead.owner == nil ? try routingDecision(for: lead, answers: q.record.answers) : nil
            guard let moved = try store.qualifyAsMQL(lead: leadId, note: automaticNote(q.verdict.mqlReason), route: route,
                                                     actor: user, at: now()) else { return nil }
            print("\(lead.label) is now an MQL (new → mql): \(q.verdict.mqlReason)")
            reportRouting(before: lead, after: moved)
            return moved
        } catch {
            warn("\(lead.label) meets the MQL rule but could not be moved to mql: \(error.message)")
            return nil
        }
    }

    /// An MQL that no longer meets the rule goes back to `new` (audited; `mql_at` is kept).
    private func dropMQL(_ q: Qualification) -> Lead? {
        do {
            guard let moved = try store.dropMQL(lead: q.lead.id, note: automaticNote("no longer an MQL: \(q.verdict.mqlReason)"),
                                                actor: user, at: now()) else { return nil }
            print("\(q.lead.label) is no longer an MQL (mql → new): \(q.verdict.mqlReason)")
            return moved
        } catch {
            warn("\(q.lead.label) no longer meets the MQL rule but could not be moved back to new: \(error.message)")
            return nil
        }
    }

    /// The note of a move the MQL rule made: the rule and, on a team database, the published
    /// model version that judged it (`automatic: ... (model team v2)`), so the audit says which
    /// model moved the lead. A local folder's hash is left out: it names no shared model.
    func automaticNote(_ text: String) -> String {
        let note = MQLStanding.automaticNotePrefix + text
        if case .published = modelVersion { return note + " (model \(modelVersion))" }
        return note
    }
}
