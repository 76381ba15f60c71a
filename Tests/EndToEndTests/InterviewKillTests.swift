import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Every answer is committed the moment it is entered: a `kill -9` in the middle of an interview
/// loses nothing that was answered.
@Suite(.timeLimit(.minutes(2)))
struct InterviewKillTests {
    @Test func answersSurviveAKillMidInterview() throws {
        let home = NSTemporaryDirectory() + "discovery-kill-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: home) }
        #expect(try Binary.run(["lead", "new", "Mercy Regional"], home: home).status == 0)

        let p = Process()
        p.executableURL = URL(fileURLWithPath: Binary.path)
        p.environment = ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
                         "NO_COLOR": "1", "TERM": "dumb", "USER": "tester", "PATH": "/usr/bin:/bin",
                         "SWIFT_BACKTRACE": "enable=no", "DISCOVERY_NOW": "2026-03-02T09:00:00Z"]
        let input = Pipe(), output = Pipe()
        p.standardInput = input
        p.standardOutput = output
        p.standardError = FileHandle.nullDevice
        try p.run()
        let seen = OutputCollector(output.fileHandleForReading)
        // Three answers, then the process is killed while the fourth question waits.
        input.fileHandleForWriting.write(Data("use L1\nask committee\nAna Ruiz (economic-buyer), Ben Ode\n1\nvalue, biomed\n".utf8))
        try seen.waitFor("Is there a clinical champion", timeout: 30)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(p.terminationReason == .uncaughtSignal)

        let answers = try Binary.run(["answers", "L1", "--json"], home: home)
        #expect(answers.status == 0, "\(answers.stderr)")
        for expected in ["\"committee.contacts\"", "\"committee.decision-path\"", "\"committee.process-steps\"",
                         "\"approver-named\"", "\"biomed-review\""] {
            #expect(answers.stdout.contains(expected), "answers after kill: \(answers.stdout)")
        }
        #expect(!answers.stdout.contains("committee.champion"))
        let contacts = try Binary.run(["contact", "list", "L1"], home: home)
        #expect(contacts.stdout.contains("Ana Ruiz  economic-buyer"), "\(contacts.stdout)")
        // The interview resumes at the first unanswered question.
        let resumed = try Binary.run([], stdin: "use L1\nask committee\n/stop\n", home: home)
        #expect(resumed.stdout.contains("questions to ask in committee"), "\(resumed.stdout)")
        #expect(!resumed.stdout.contains("Who is involved"))
        #expect(resumed.stdout.contains("Is there a clinical champion"))
    }
}

/// Reads a child's output on a background thread so a test can wait for a line to appear.
final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread {
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { return }
                self.lock.lock()
                self.data.append(chunk)
                self.lock.unlock()
            }
        }.start()
    }

    var text: String {
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: data, as: UTF8.self)
    }

    struct Timeout: Error, CustomStringConvertible {
        let description: String
    }

    func waitFor(_ needle: String, timeout: TimeInterval) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !text.contains(needle) {
            if Date() > deadline { throw Timeout(description: "no '\(needle)' within \(timeout) s; got: \(text)") }
            usleep(20_000)
        }
    }
}
