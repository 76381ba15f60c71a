import DiscoveryCore
import Foundation
import DiscoveryStorage
import DiscoveryStore
import LineEditor
import Testing
@testable import DiscoveryShell

/// A clock a test moves by hand.
final class TestClock: @unchecked Sendable {
    var now: Date
    init(_ text: String) { now = CallShell.utc(text) }
    func set(_ text: String) { now = CallShell.utc(text) }
}

/// An in-process shell for the call, follow-up and report tests: a clock the test moves, a
/// catalog with a high-priority signal, a chosen width and style.
final class CallShell {
    let folder: String
    let store: any Storage
    let out = BufferOutput()
    let err = BufferOutput()
    let clock: TestClock
    let session: Session
    let shell: Shell

    static let catalog = Catalog(
        sets: [], profiles: TestCatalog.minimal.profiles,
        signals: [SignalDefinition(id: "demo-request", label: "Requested a demo", score: .zero, priority: .high),
                  SignalDefinition(id: "webinar-attended", label: "Attended a webinar")])

    init(now: String = "2026-03-02T09:00:00Z", user: String = "sam", unicode: Bool = false, width: Int = 80,
         input: [LineInput] = [], interactive: Bool = false, catalog: Catalog = CallShell.catalog) throws {
        folder = NSTemporaryDirectory() + "discovery-calls-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteStore.open(path: folder + "/discovery.sqlite")
        let clock = TestClock(now)
        self.clock = clock
        session = Session(store: store, catalog: catalog, user: user,
                          reader: ScriptedLineReader(input, interactive: interactive), out: out, err: err,
                          style: Style(enabled: unicode), width: width, now: { clock.now })
        shell = Shell(session: session)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    static func utc(_ text: String) -> Date {
        guard let d = Dates.parseISO(text) else { fatalError("bad test date \(text)") }
        return d
    }

    /// Runs one line; a failure here is a failure of the test's set-up.
    func run(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let r = output(line)
        #expect(r.code == 0, "\(line): \(r.err)", sourceLocation: sourceLocation)
    }

    func output(_ line: String) -> (code: Int32, out: String, err: String) {
        out.reset()
        err.reset()
        let code = shell.execute(line)
        return (code, out.text, err.text)
    }

    func at(_ time: String, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) {
        clock.set(time)
        run(line, sourceLocation: sourceLocation)
    }

    /// Moves a lead to a stage at a given time (the `stage` command belongs to another part).
    func stage(_ lead: Int64, _ stage: Stage, reason: ReasonCode? = nil, at time: String) throws {
        try store.changeStage(lead: lead, to: stage, reason: reason, note: nil, actor: session.user, at: Self.utc(time))
    }

    func signal(_ lead: Int64, _ kind: String, at time: String) throws {
        try store.addSignal(SignalEvent(leadId: lead, kind: kind, actor: "marketing", at: Self.utc(time)), actor: "marketing")
    }

    func nextStep(_ lead: Int64, _ action: NextAction, note: String? = nil, owner: String?, due: String, setAt: String) throws {
        try store.setNextStep(lead: lead, action: action, note: note, owner: owner, due: Self.utc(due), actor: "ana", at: Self.utc(setAt))
    }

    /// Logs a call as another user (the session's user is fixed).
    func call(_ lead: Int64, _ outcome: CallOutcome, by user: String, at time: String) throws {
        let at = Self.utc(time)
        _ = try store.logCall(Call(leadId: lead, outcome: outcome, at: at, actor: user,
                                   followUpDue: outcome.effect.followUpDue(after: at, requested: nil)),
                              stageChange: nil, actor: user, at: at)
    }

    /// Records an answer revision (the `answer` command belongs to another part).
    func answer(_ lead: Int64, _ question: String, _ value: AnswerValue, at time: String) throws {
        try store.recordAnswer(lead: lead, question: question, value: value, note: nil, people: [], actor: session.user,
                               at: Self.utc(time))
    }

    func auditCount() throws -> Int { try store.audit().count }
}
