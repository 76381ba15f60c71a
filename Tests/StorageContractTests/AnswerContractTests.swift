import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// Answers are revisions: what every backend must do with them.
@Suite struct AnswerContractTests {
    let t0 = ContractTime.t0
    let q = "timeline.evaluation-window"

    func storeWithLead(_ backend: Backend) throws -> (Fixture, any Storage, Int64) {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy Regional", profile: "capital-equipment", createdAt: t0), actor: "rep")
        return (fixture, store, lead.id)
    }

    @Test(arguments: Backend.all) func revisionsAreKeptAndTheNewestIsInForce(_ backend: Backend) throws {
        let (fixture, store, lead) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        try store.recordAnswer(lead: lead, question: q, value: .choice("exploring"), note: nil, people: [], actor: "rep", at: t0)
        try store.recordAnswer(lead: lead, question: q, value: .choice("this-quarter"), note: nil, people: [], actor: "ana", at: t0 + 60)
        try store.recordAnswer(lead: lead, question: "timeline.budget-approved", value: .yesNo(true), note: nil, people: [], actor: "rep", at: t0 + 90)
        #expect(try store.answersInForce(lead: lead) == [q: .choice("this-quarter"), "timeline.budget-approved": .yesNo(true)])
        let history = try store.answerHistory(lead: lead, question: q)
        #expect(history.map(\.value) == [.choice("exploring"), .choice("this-quarter")])
        #expect(history.map(\.actor) == ["rep", "ana"])
        #expect(history.map(\.at) == [t0, t0 + 60])
    }

    @Test(arguments: Backend.all) func retractionRemovesTheAnswerFromForceButKeepsHistory(_ backend: Backend) throws {
        let (fixture, store, lead) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        try store.recordAnswer(lead: lead, question: q, value: .choice("exploring"), note: nil, people: [], actor: "rep", at: t0)
        try store.recordAnswer(lead: lead, question: q, value: nil, note: nil, people: [], actor: "rep", at: t0 + 1)
        #expect(try store.answersInForce(lead: lead).isEmpty)
        #expect(try store.answerHistory(lead: lead, question: q).count == 2)
    }

    @Test(arguments: Backend.all) func undoRestoresThePreviousAnswerByANewRevision(_ backend: Backend) throws {
        let (fixture, store, lead) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        try store.recordAnswer(lead: lead, question: q, value: .choice("exploring"), note: nil, people: [], actor: "rep", at: t0)
        try store.recordAnswer(lead: lead, question: q, value: .choice("this-quarter"), note: nil, people: [], actor: "rep", at: t0 + 1)
        let undo = try store.undo(actor: "rep", at: t0 + 2)
        #expect(undo.summary == ["answer \(q) restored to exploring"])
        #expect(try store.answersInForce(lead: lead) == [q: .choice("exploring")])
        #expect(try store.answerHistory(lead: lead, question: q).count == 3)
        // Undoing the first answer leaves the question unanswered.
        _ = try store.undo(actor: "rep", at: t0 + 3)
        #expect(try store.answersInForce(lead: lead).isEmpty)
    }

    @Test(arguments: Backend.all) func eachAnswerIsOneAuditedRevise(_ backend: Backend) throws {
        let (fixture, store, lead) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        let first = try store.recordAnswer(lead: lead, question: q, value: .choice("exploring"), note: nil, people: [], actor: "rep", at: t0)
        let second = try store.recordAnswer(lead: lead, question: q, value: .multi(["a", "b"]), note: nil, people: [], actor: "rep", at: t0 + 1)
        let entries = try store.audit(lead: lead).filter { $0.entity == "answer" }
        #expect(entries.count == 2)
        #expect(entries.map(\.action) == [.revise, .revise])
        #expect(entries.map(\.entityId) == [first.id, second.id])
        #expect(entries.map(\.field) == [q, q])
        #expect(entries[0].oldValue == nil)
        #expect(entries[1].oldValue == entries[0].newValue)
        #expect(entries[1].newValue.map { try? JSONDecoder().decode(AnswerValue.self, from: Data($0.utf8)) } == .multi(["a", "b"]))
        #expect(Set(entries.map(\.changeId)).count == 2)
    }

    @Test(arguments: Backend.all) func notesAreRevisionsThatStayWithTheQuestionAndUndoRemovesThem(_ backend: Backend) throws {
        let (fixture, store, lead) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        // A note on an unanswered question, then the answer: the note stays with it.
        try store.addNote(lead: lead, question: q, note: "CFO decides in May", actor: "rep", at: t0)
        #expect(try store.answersInForce(lead: lead).isEmpty)
        let answered = try store.recordAnswer(lead: lead, question: q, value: .choice("this-quarter"), note: nil, people: [], actor: "rep", at: t0 + 1)
        #expect(answered.note == "CFO decides in May")
        // A new note replaces it in force; the history keeps both.
        let noted = try store.addNote(lead: lead, question: q, note: "Pilot first", actor: "rep", at: t0 + 2)
        #expect(noted.value == .choice("this-quarter"))
        #expect(try store.latestRevisions(lead: lead).map(\.note) == ["Pilot first"])
        let audit = try store.audit(lead: lead).filter { $0.entity == "answer_note" }
        #expect(audit.map(\.oldValue) == [nil, "CFO decides in May"])
        #expect(audit.map(\.newValue) == ["CFO decides in May", "Pilot first"])
        _ = try store.undo(actor: "rep", at: t0 + 3)
        let latest = try store.latestRevisions(lead: lead)
        #expect(latest.map(\.note) == ["CFO decides in May"])
        #expect(latest.map(\.value) == [.choice("this-quarter")])
    }

    @Test(arguments: Backend.all) func answersGivenDuringAnOpenCallAreLinkedToIt(_ backend: Backend) throws {
        let (fixture, store, lead) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        try store.recordAnswer(lead: lead, question: "a.before", value: .yesNo(true), note: nil, people: [], actor: "rep", at: t0)
        let callId = try store.startCall(Call(leadId: lead, outcome: nil, at: t0, actor: "rep"), actor: "rep").id
        let during = try store.recordAnswer(lead: lead, question: "a.during", value: .yesNo(true), note: nil, people: [], actor: "rep", at: t0 + 1)
        #expect(during.callId == callId)
        _ = try store.endCall(id: callId, outcome: .connected, note: nil, durationMinutes: nil, followUpDue: nil,
                              stageChange: nil, actor: "rep", at: t0 + 2)
        let after = try store.recordAnswer(lead: lead, question: "a.after", value: .yesNo(true), note: nil, people: [], actor: "rep", at: t0 + 3)
        #expect(after.callId == nil)
        #expect(try store.answerHistory(lead: lead, question: "a.during").first?.callId == callId)
        #expect(try store.answerHistory(lead: lead, question: "a.before").first?.callId == nil)
    }

    @Test(arguments: Backend.all) func contactsAnswersAddStakeholdersInTheSameChange(_ backend: Backend) throws {
        let (fixture, store, lead) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        _ = try store.addContact(Contact(leadId: lead, name: "Ana Ruiz", createdAt: t0), actor: "rep")
        let saved = try store.recordAnswer(lead: lead, question: "committee.approvers", value: .contacts(["ana ruiz", "Ben Ode"]), note: nil,
                                           people: [NamedPerson(name: "ana ruiz", role: .economicBuyer), NamedPerson(name: "Ben Ode", role: .technical)],
                                           actor: "rep", at: t0 + 1)
        #expect(saved.value == .contacts(["Ana Ruiz", "Ben Ode"]))
        let contacts = try store.contacts(lead: lead)
        #expect(contacts.map(\.name) == ["Ana Ruiz", "Ben Ode"])
        #expect(contacts.map(\.role) == [.economicBuyer, .technical])
        #expect(Set(try store.audit(lead: lead).suffix(3).map(\.changeId)).count == 1)
        // One undo reverts the answer, the new contact and the role together.
        _ = try store.undo(actor: "rep", at: t0 + 2)
        let back = try store.contacts(lead: lead)
        #expect(back.map(\.name) == ["Ana Ruiz"])
        #expect(back.map(\.role) == [nil])
        #expect(try store.answersInForce(lead: lead).isEmpty)
    }

    @Test(arguments: Backend.all) func answersOfAnUnknownLeadAreRefused(_ backend: Backend) throws {
        let (fixture, store, _) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        #expect(throws: DiscoveryError.failed("no lead L99")) {
            try store.recordAnswer(lead: 99, question: q, value: .yesNo(true), note: nil, people: [], actor: "rep", at: t0)
        }
    }

    @Test(arguments: Backend.all) func signalsAreAuditedAndUndoable(_ backend: Backend) throws {
        let (fixture, store, lead) = try storeWithLead(backend)
        defer { withExtendedLifetime(fixture) {} }
        let s = try store.addSignal(SignalEvent(leadId: lead, kind: "demo-request", note: "form", actor: "rep", at: t0), actor: "rep")
        try store.addSignal(SignalEvent(leadId: lead, kind: "webinar-attended", actor: "rep", at: t0 + 5), actor: "rep")
        #expect(try store.signals(lead: lead).map(\.kind) == ["demo-request", "webinar-attended"])
        #expect(try store.signals(lead: lead).first == s)
        let entry = try #require(try store.audit(lead: lead).last)
        #expect(entry.action == .create && entry.entity == "signal" && entry.newValue == "webinar-attended")
        _ = try store.undo(actor: "rep", at: t0 + 6)
        #expect(try store.signals(lead: lead).map(\.kind) == ["demo-request"])
    }
}
