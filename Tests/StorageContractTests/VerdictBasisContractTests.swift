import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// Kept verdict bases (`VerdictBasisStorage`): every change to a lead or its record raises the
/// lead's revision, whoever makes it, and a kept basis counts only for the revision and model
/// it was computed at — so it can be stale, never wrong.
@Suite struct VerdictBasisContractTests {
    let t0 = ContractTime.t0
    let q = "timeline.buying-horizon"

    func basis(fit: Int, direct: String? = nil) -> VerdictBasis {
        VerdictBasis(scores: ScoreDelta(fit: fit, intent: -3, readiness: 7), gatesMet: fit % 2 == 0, noTimeline: true, hardStop: false,
                     directRequest: direct, inactivity: Inactivity.Inputs(since: t0 + 0.123_456_7, logged: 2),
                     latestActivity: t0 + 86_400.000_001)
    }

    /// Each lead's revision and kept basis, by lead id.
    func read(_ store: any Storage, model: String = "m1", since: Date? = nil) throws -> [Int64: (revision: Int64, basis: VerdictBasis?)] {
        var out: [Int64: (revision: Int64, basis: VerdictBasis?)] = [:]
        var order: [Int64] = []
        try store.forEachLeadWithVerdictBasis(model: model, createdSince: since) { lead, revision, basis in
            out[lead.id] = (revision, basis)
            order.append(lead.id)
        }
        #expect(order == order.sorted())
        return out
    }

    @Test(arguments: Backend.all) func everyChangeToALeadOrItsRecordRaisesItsRevision(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: t0), actor: "ana").id
        let other = try store.createLead(Lead(org: "Other", profile: "consumables", createdAt: t0), actor: "ana").id
        var at = t0
        var changes: [(String, () throws -> Void)] = [
            ("answer", { try store.recordAnswer(lead: lead, question: self.q, value: .choice("exploring"), note: nil, people: [], actor: "rep", at: at) }),
            ("answer note", { try store.addNote(lead: lead, question: self.q, note: "asked twice", actor: "rep", at: at) }),
            ("answer retracted", { try store.recordAnswer(lead: lead, question: self.q, value: nil, note: nil, people: [], actor: "rep", at: at) }),
            ("signal", { _ = try store.addSignal(SignalEvent(leadId: lead, kind: "webinar", actor: "mkto", at: at), actor: "mkto") }),
            ("call", { _ = try store.logCall(Call(leadId: lead, outcome: .voicemail, at: at, actor: "sdr", followUpDue: at + 86_400),
                                             stageChange: nil, actor: "sdr", at: at) }),
            ("call started", { _ = try store.startCall(Call(leadId: lead, outcome: nil, at: at, actor: "sdr"), actor: "sdr") }),
            ("call ended", {
                guard let open = try store.openCall(lead: lead) else { Issue.record("no open call"); return }
                _ = try store.endCall(id: open.id, outcome: .connected, note: nil, durationMinutes: 5, followUpDue: nil,
                                      stageChange: nil, actor: "sdr", at: at)
            }),
            ("next step", { _ = try store.setNextStep(lead: lead, action: .demo, note: nil, owner: "rep", due: at + 86_400, actor: "rep", at: at) }),
            ("next step done", { _ = try store.completeNextStep(lead: lead, actor: "rep", at: at) }),
            ("lead field", { _ = try store.updateLead(id: lead, field: .specialty, value: "cardiology", actor: "rep", at: at) }),
            ("stage", { _ = try store.changeStage(lead: lead, to: .mql, reason: nil, note: nil, actor: "rep", at: at) }),
        ]
        changes.append(("undo", { _ = try store.undo(actor: "rep", at: at) }))
        var revision = try #require(try read(store)[lead]).revision
        let otherRevision = try #require(try read(store)[other]).revision
        for (name, change) in changes {
            at += 60
            try change()
            let now = try #require(try read(store)[lead]).revision
            #expect(now > revision, "\(name) did not raise the revision (\(revision) → \(now))")
            revision = now
        }
        #expect(try read(store)[other]?.revision == otherRevision, "a change to one lead raised another's revision")
    }

    @Test(arguments: Backend.all) func aKeptBasisCountsOnlyForItsRevisionAndModel(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let a = try store.createLead(Lead(org: "A", profile: "consumables", createdAt: t0), actor: "ana").id
        let b = try store.createLead(Lead(org: "B", profile: "consumables", createdAt: t0 + 3_600), actor: "ana").id
        let gone = try store.createLead(Lead(org: "C", profile: "consumables", createdAt: t0), actor: "ana").id
        var book = try read(store)
        #expect(book.values.allSatisfy { $0.basis == nil })
        let ra = try #require(book[a]).revision, rb = try #require(book[b]).revision, rc = try #require(book[gone]).revision
        try store.deleteLead(id: gone, actor: "ana", at: t0)
        // Exact values back (instants to the sub-millisecond), per model; an erased lead's is skipped.
        try store.storeVerdictBases([StoredVerdictBasis(lead: a, revision: ra, basis: basis(fit: 12, direct: "signal Demo")),
                                     StoredVerdictBasis(lead: b, revision: rb, basis: basis(fit: 7)),
                                     StoredVerdictBasis(lead: gone, revision: rc, basis: basis(fit: 1))], model: "m1")
        book = try read(store)
        #expect(book[a]?.basis == basis(fit: 12, direct: "signal Demo"))
        #expect(book[b]?.basis == basis(fit: 7))
        #expect(book[gone] == nil)
        #expect(try read(store, model: "m2").values.allSatisfy { $0.basis == nil })
        #expect(try read(store, since: t0 + 60).keys.sorted() == [b])

        // A change after the revision was read: the basis kept for that revision is stale.
        try store.recordAnswer(lead: a, question: q, value: .choice("exploring"), note: nil, people: [], actor: "rep", at: t0 + 60)
        try store.storeVerdictBases([StoredVerdictBasis(lead: a, revision: ra, basis: basis(fit: 30))], model: "m1")
        book = try read(store)
        #expect(book[a]?.basis == nil)
        #expect(book[b]?.basis == basis(fit: 7))
        // Kept again at the new revision, under another model: that one counts, the old model's not.
        let now = try #require(book[a]).revision
        try store.storeVerdictBases([StoredVerdictBasis(lead: a, revision: now, basis: basis(fit: 31))], model: "m2")
        #expect(try read(store, model: "m2")[a]?.basis == basis(fit: 31))
        #expect(try read(store)[a]?.basis == nil)

        // Erasure takes the kept basis with it.
        try store.deleteLead(id: b, actor: "ana", at: t0 + 120)
        #expect(try read(store)[b] == nil)
    }
}
