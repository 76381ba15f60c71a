import DiscoveryPostgres
import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// The whole-book reads: qualification records, reports, follow-ups, exports.
@Suite struct ReportContractTests {
    let t0 = ContractTime.t0
    let day: TimeInterval = 86_400

    @Test(arguments: Backend.all) func aRecordHoldsEverythingTheVerdictReads(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: t0), actor: "ana")
        let contact = try store.addContact(Contact(leadId: lead.id, name: "Ana", role: .champion, createdAt: t0), actor: "ana")
        try store.recordAnswer(lead: lead.id, question: "need.problem", value: .text("old"), note: nil, people: [], actor: "ana", at: t0)
        try store.recordAnswer(lead: lead.id, question: "need.problem", value: .text("turnover"), note: nil, people: [], actor: "ana", at: t0 + 5)
        try store.recordAnswer(lead: lead.id, question: "fit.region", value: .choice("us"), note: nil, people: [], actor: "ana", at: t0 + 6)
        try store.recordAnswer(lead: lead.id, question: "fit.region", value: nil, note: nil, people: [], actor: "ana", at: t0 + 7)
        let signal = try store.addSignal(SignalEvent(leadId: lead.id, kind: "demo-request", actor: "mkto", at: t0 + 1), actor: "mkto")
        let call = try store.logCall(Call(leadId: lead.id, outcome: .voicemail, at: t0 + 2, actor: "sam"), stageChange: nil, actor: "sam", at: t0 + 2)
        let step = try store.setNextStep(lead: lead.id, action: .demo, note: nil, owner: "ana", due: t0 + day, actor: "ana", at: t0 + 3)
        let record = try #require(try store.qualificationRecord(lead: lead.id))
        #expect(record.lead == lead)
        #expect(record.contacts == [contact])
        #expect(record.answers == ["need.problem": .text("turnover")])
        #expect(record.signals == [signal])
        #expect(record.calls == [call])
        #expect(record.nextStep == step)
        #expect(record.lastAnswerAt == t0 + 7)
        #expect(try store.qualificationRecord(lead: lead.id + 1) == nil)
    }

    @Test(arguments: Backend.all) func everyRecordIsHandedOutInIdOrderSinceADate(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        for (i, org) in ["A", "B", "C"].enumerated() {
            _ = try store.createLead(Lead(org: org, profile: "consumables", createdAt: t0 + Double(i) * day), actor: "ana")
        }
        var all: [String] = []
        try store.forEachQualificationRecord(createdSince: nil) { all.append($0.lead.org) }
        #expect(all == ["A", "B", "C"])
        var recent: [String] = []
        try store.forEachQualificationRecord(createdSince: t0 + day) { recent.append($0.lead.org) }
        #expect(recent == ["B", "C"])
        // An error of the caller's ends the read and comes back as it was thrown.
        let stop = try #require(throws: DiscoveryError.self) {
            try store.forEachQualificationRecord(createdSince: nil) { _ in throw DiscoveryError.storage("disk full") }
        }
        #expect(stop == .storage("disk full"))
    }

    /// The whole-book read hands out, for every lead, exactly the record the per-lead read
    /// gives: a book with leads of every shape (no records at all, revisions and retractions,
    /// notes only, done and open steps, a deleted lead between others).
    @Test(arguments: Backend.all) func theBookReadGivesEachLeadTheRecordALeadReadGives(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        var ids: [Int64] = []
        for i in 0..<12 {
            let lead = try store.createLead(Lead(org: "Org \(i)", profile: "consumables", createdAt: t0 + Double(i)), actor: "ana")
            ids.append(lead.id)
            let at = t0 + Double(100 * i)
            if i % 3 != 0 {
                for c in 0..<(i % 4) {
                    _ = try store.addContact(Contact(leadId: lead.id, name: "P\(i)-\(c)", role: c == 0 ? .champion : nil, createdAt: at), actor: "ana")
                }
            }
            if i % 2 == 0 {
                try store.recordAnswer(lead: lead.id, question: "need.problem", value: .text("v1 \(i)"), note: nil, people: [], actor: "ana", at: at)
                try store.recordAnswer(lead: lead.id, question: "need.problem", value: .text("v2 \(i)"), note: "n", people: [], actor: "ana", at: at + 1)
                try store.recordAnswer(lead: lead.id, question: "fit.region", value: .choice("us"), note: nil, people: [], actor: "ana", at: at + 2)
            }
            if i % 4 == 1 {
                try store.recordAnswer(lead: lead.id, question: "fit.region", value: .choice("us"), note: nil, people: [], actor: "ana", at: at + 3)
                try store.recordAnswer(lead: lead.id, question: "fit.region", value: nil, note: nil, people: [], actor: "ana", at: at + 4)
                try store.addNote(lead: lead.id, question: "timeline.target-date", note: "ask in May", actor: "ana", at: at + 5)
            }
            if i % 3 == 1 {
                _ = try store.addSignal(SignalEvent(leadId: lead.id, kind: "webinar-attended", actor: "mkto", at: at + 9), actor: "mkto")
                _ = try store.addSignal(SignalEvent(leadId: lead.id, kind: "demo-request", actor: "mkto", at: at + 7), actor: "mkto")
                _ = try store.logCall(Call(leadId: lead.id, outcome: .voicemail, at: at + 8, actor: "sam"), stageChange: nil, actor: "sam", at: at + 8)
            }
            if i % 5 == 2 {
                _ = try store.setNextStep(lead: lead.id, action: .demo, note: nil, owner: "ana", due: at + 86_400, actor: "ana", at: at)
                _ = try store.completeNextStep(lead: lead.id, actor: "ana", at: at + 1)
                _ = try store.setNextStep(lead: lead.id, action: .technicalReview, note: "walkthrough", owner: nil, due: at + 2 * 86_400,
                                          actor: "ana", at: at + 2)
            }
        }
        try store.deleteLead(id: ids[5], actor: "ana", at: t0 + 5000)
        var book: [QualificationRecord] = []
        try store.forEachQualificationRecord(createdSince: nil) { book.append($0) }
        #expect(book.map(\.lead.id) == ids.filter { $0 != ids[5] })
        for record in book {
            #expect(try store.qualificationRecord(lead: record.lead.id) == record, "L\(record.lead.id)")
        }
        var since: [Int64] = []
        try store.forEachQualificationRecord(createdSince: t0 + 7) { since.append($0.lead.id) }
        #expect(since == Array(ids[7...]))
        // Without contacts: the same records, contacts left out (with and without a start).
        var withoutContacts: [QualificationRecord] = []
        try store.forEachQualificationRecord(createdSince: nil, contacts: false) { withoutContacts.append($0) }
        #expect(withoutContacts == book.map { var r = $0; r.contacts = []; return r })
        #expect(book.contains { !$0.contacts.isEmpty })
        var sinceWithoutContacts: [QualificationRecord] = []
        try store.forEachQualificationRecord(createdSince: t0 + 7, contacts: false) { sinceWithoutContacts.append($0) }
        #expect(sinceWithoutContacts.map(\.lead.id) == Array(ids[7...]) && sinceWithoutContacts.allSatisfy(\.contacts.isEmpty))
        // Each part of a record is what the lead's own reads of that part give.
        for record in book {
            let id = record.lead.id
            #expect(record.contacts == (try store.contacts(lead: id)), "L\(id)")
            #expect(record.signals == (try store.signals(lead: id)), "L\(id)")
            #expect(record.calls == (try store.calls(lead: id)), "L\(id)")
            #expect(record.answers == (try store.answersInForce(lead: id)), "L\(id)")
            #expect(record.nextStep == (try store.openNextStep(lead: id)), "L\(id)")
            #expect(record.lead == (try store.lead(id: id)), "L\(id)")
        }
        // PostgreSQL reads the book in pages (constant memory): pages of 1, of 4 (a page ends on
        // the erased lead's gap), of exactly the book and larger give the same book.
        if let pg = store as? PostgresStore {
            for size in [1, 4, 11, 500] {
                pg.recordPageSize = size
                var paged: [QualificationRecord] = []
                try store.forEachQualificationRecord(createdSince: nil) { paged.append($0) }
                #expect(paged == book, "page size \(size)")
                var pagedSince: [Int64] = []
                try store.forEachQualificationRecord(createdSince: t0 + 7) { pagedSince.append($0.lead.id) }
                #expect(pagedSince == Array(ids[7...]), "page size \(size)")
                var pagedWithoutContacts: [QualificationRecord] = []
                try store.forEachQualificationRecord(createdSince: nil, contacts: false) { pagedWithoutContacts.append($0) }
                #expect(pagedWithoutContacts == withoutContacts, "page size \(size)")
            }
        }
    }

    @Test(arguments: Backend.all) func thePipelineKnowsEveryStageALeadWasInButNotUndoneMoves(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let a = try store.createLead(Lead(org: "A", profile: "consumables", createdAt: t0), actor: "ana")
        let b = try store.createLead(Lead(org: "B", profile: "consumables", createdAt: t0 + day), actor: "ana")
        try store.changeStage(lead: a.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + 1)
        try store.changeStage(lead: a.id, to: .sql, reason: nil, note: nil, actor: "ana", at: t0 + 2)
        try store.changeStage(lead: b.id, to: .disqualified, reason: .noBudget, note: nil, actor: "ana", at: t0 + 3)
        _ = try store.undo(actor: "ana", at: t0 + 4)
        let inputs = try store.pipelineInputs(since: nil)
        #expect(inputs.map(\.stage) == [.sql, .new])
        #expect(inputs.map { Set($0.history) } == [[.new, .mql, .sql], []])
        #expect(inputs.map(\.reachedMQL) == [true, false])
        #expect(try store.pipelineInputs(since: t0 + day).map(\.stage) == [.new])
        try store.changeStage(lead: b.id, to: .disqualified, reason: .noBudget, note: nil, actor: "ana", at: t0 + 2 * day)
        #expect(try store.disqualifiedLeads(since: nil).map(\.id) == [b.id])
        #expect(try store.disqualifiedLeads(since: t0 + 3 * day).isEmpty)
    }

    @Test(arguments: Backend.all) func callsAreCountedPerCallerAndOutcomeLeavingOpenCallsOut(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "A", profile: "consumables", createdAt: t0), actor: "ana")
        for (who, outcome, at) in [("sam", CallOutcome.voicemail, t0), ("sam", .voicemail, t0 + day), ("lee", .connected, t0 + day),
                                   ("sam", .busy, t0 + 2 * day)] {
            _ = try store.logCall(Call(leadId: lead.id, outcome: outcome, at: at, actor: who), stageChange: nil, actor: who, at: at)
        }
        _ = try store.startCall(Call(leadId: lead.id, outcome: nil, at: t0 + 3 * day, actor: "lee"), actor: "lee")
        #expect(try store.callCounts(since: nil) == [
            .init(sdr: "lee", outcome: .connected, calls: 1), .init(sdr: "sam", outcome: .busy, calls: 1),
            .init(sdr: "sam", outcome: .voicemail, calls: 2),
        ])
        #expect(try store.callCounts(since: t0 + day).map(\.calls) == [1, 1, 1])
    }

    @Test(arguments: Backend.all) func firstAttemptsAreTheFirstCallsAtOrAfterTheMQLMoment(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let called = try store.createLead(Lead(org: "Called", profile: "consumables", owner: "sam", createdAt: t0), actor: "ana")
        let waiting = try store.createLead(Lead(org: "Waiting", profile: "consumables", owner: "lee", createdAt: t0), actor: "ana")
        _ = try store.createLead(Lead(org: "Never MQL", profile: "consumables", owner: "sam", createdAt: t0), actor: "ana")
        _ = try store.logCall(Call(leadId: called.id, outcome: .busy, at: t0, actor: "sam"), stageChange: nil, actor: "sam", at: t0)
        try store.changeStage(lead: called.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + 10)
        try store.changeStage(lead: waiting.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + day)
        _ = try store.logCall(Call(leadId: called.id, outcome: .voicemail, at: t0 + 20, actor: "sam"), stageChange: nil, actor: "sam", at: t0 + 20)
        _ = try store.logCall(Call(leadId: called.id, outcome: .connected, at: t0 + 30, actor: "sam"), stageChange: nil, actor: "sam", at: t0 + 30)
        _ = try store.addSignal(SignalEvent(leadId: waiting.id, kind: "demo-request", actor: "mkto", at: t0 + 5), actor: "mkto")
        let all = try store.firstAttemptCandidates(stages: nil, mqlSince: nil, owner: nil)
        #expect(all.map(\.lead.id) == [called.id, waiting.id])
        #expect(all.map(\.firstAttempt) == [t0 + 20, nil])
        #expect(all.map { $0.signals.map(\.kind) } == [[], ["demo-request"]])
        #expect(try store.firstAttemptCandidates(stages: nil, mqlSince: nil, owner: "lee").map(\.lead.id) == [waiting.id])
        #expect(try store.firstAttemptCandidates(stages: nil, mqlSince: t0 + 100, owner: nil).map(\.lead.id) == [waiting.id])
        try store.changeStage(lead: called.id, to: .sal, reason: nil, note: nil, actor: "ana", at: t0 + 40)
        #expect(try store.firstAttemptCandidates(stages: [.mql], mqlSince: nil, owner: nil).map(\.lead.id) == [waiting.id])
    }

    @Test(arguments: Backend.all) func followUpsAreEachLeadsLatestCallAndOpenStepsDueBeforeATime(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let a = try store.createLead(Lead(org: "A", profile: "consumables", owner: "sam", createdAt: t0), actor: "ana")
        let b = try store.createLead(Lead(org: "B", profile: "consumables", owner: "lee", createdAt: t0), actor: "ana")
        // A: an older call asked for a follow-up, the latest one (same time, higher id) too.
        _ = try store.logCall(Call(leadId: a.id, outcome: .voicemail, at: t0, actor: "sam", followUpDue: t0 + day), stageChange: nil, actor: "sam", at: t0)
        _ = try store.logCall(Call(leadId: a.id, outcome: .busy, at: t0, actor: "lee", followUpDue: t0 + 4 * 3600), stageChange: nil, actor: "lee", at: t0)
        // B: its latest call asks for nothing; a step owned by nobody falls to the lead's owner.
        _ = try store.logCall(Call(leadId: b.id, outcome: .voicemail, at: t0, actor: "sam", followUpDue: t0 + day), stageChange: nil, actor: "sam", at: t0)
        _ = try store.logCall(Call(leadId: b.id, outcome: .connected, at: t0 + 60, actor: "sam"), stageChange: nil, actor: "sam", at: t0 + 60)
        _ = try store.setNextStep(lead: b.id, action: .demo, note: nil, owner: nil, due: t0 + 2 * day, actor: "ana", at: t0)
        let inputs = try store.followUpInputs(before: t0 + 3 * day, owner: nil)
        #expect(inputs.retries.map { "\($0.lead.org) \($0.call.outcome?.rawValue ?? "-") \($0.hasOpenNextStep)" } == ["A busy false"])
        #expect(inputs.nextSteps.map { "\($0.0.org) \($0.1.action.rawValue)" } == ["B demo"])
        #expect(try store.followUpInputs(before: t0 + 3600, owner: nil).retries.isEmpty)
        #expect(try store.followUpInputs(before: t0 + 3 * day, owner: "lee").retries.map(\.lead.id) == [a.id])
        #expect(try store.followUpInputs(before: t0 + 3 * day, owner: "sam").retries.isEmpty)
        #expect(try store.followUpInputs(before: t0 + 3 * day, owner: "lee").nextSteps.map(\.0.id) == [b.id])
    }

    @Test(arguments: Backend.all) func anExportSeesEveryLeadOnceWithItsContacts(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let a = try store.createLead(Lead(org: "A", profile: "consumables", createdAt: t0), actor: "ana")
        let b = try store.createLead(Lead(org: "B", profile: "consumables", createdAt: t0), actor: "ana")
        let c = try store.createLead(Lead(org: "C", profile: "consumables", createdAt: t0), actor: "ana")
        let ana = try store.addContact(Contact(leadId: a.id, name: "Ana", email: "ana@a.org", createdAt: t0), actor: "ana")
        let ben = try store.addContact(Contact(leadId: c.id, name: "Ben", createdAt: t0), actor: "ana")
        let cid = try store.addContact(Contact(leadId: a.id, name: "Cid", role: .technical, createdAt: t0), actor: "ana")
        try store.changeStage(lead: b.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0)
        var seen: [String] = []
        let count = try store.forEachLeadWithContacts(stage: nil) { lead, contacts in
            seen.append("\(lead.org): \(contacts.map(\.name).joined(separator: ","))")
            if lead.id == a.id { #expect(contacts == [ana, cid]) }
            if lead.id == c.id { #expect(contacts == [ben]) }
        }
        #expect(count == 3)
        #expect(seen == ["A: Ana,Cid", "B: ", "C: Ben"])
        var mql: [Int64] = []
        #expect(try store.forEachLeadWithContacts(stage: .mql) { lead, _ in mql.append(lead.id) } == 1)
        #expect(mql == [b.id])
    }
}
