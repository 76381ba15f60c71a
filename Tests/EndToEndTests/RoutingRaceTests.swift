import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import Testing

/// Two (or more) processes that make the same lead an MQL at the same moment: the automatic
/// move to `mql`, and the routing with it, happen exactly once.
@Suite struct RoutingRaceTests {
    @Test func racingProcessesMoveAndRouteALeadOnce() throws {
        let home = NSTemporaryDirectory() + "discovery-race-" + UUID().uuidString
        let sets = home + "/question-sets"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: home) }
        try FileManager.default.copyItem(atPath: Binary.packageRoot + "/question-sets", toPath: sets)
        try "routing:\n  - name: everyone\n    pool: [sam, lee]\n".write(toFile: sets + "/routing.yaml", atomically: true, encoding: .utf8)
        let db = home + "/race.sqlite"
        let base = ["--db", db, "--question-sets", sets, "--user"]
        let leads = 3, writers = 4
        for n in 1...leads {
            let created = try Binary.run(base + ["mkto", "lead", "new", "Org \(n)", "--profile", "consumables"], home: home)
            #expect(created.status == 0, "\(created.stderr)")
            // fit 20 meets the minimum; intent is still 0: not an MQL yet.
            let answered = try Binary.run(base + ["mkto", "answer", "L\(n)", "fit.org-type", "idn"], home: home)
            #expect(answered.status == 0 && !answered.stdout.contains("MQL"), "\(answered.stdout)\(answered.stderr)")
        }
        // Every writer sends a demo request (a high-priority signal: an MQL by itself) to every lead at once.
        let results = ResultBox()
        let group = DispatchGroup()
        for n in 1...leads {
            for w in 1...writers {
                group.enter()
                Thread {
                    let r = try? Binary.run(base + ["rep\(w)", "signal", "add", "L\(n)", "demo-request"], home: home)
                    results.append(r)
                    group.leave()
                }.start()
            }
        }
        group.wait()
        let all = results.items
        #expect(all.count == leads * writers)
        #expect(all.allSatisfy { $0?.status == 0 }, "\(all.map { $0?.stderr ?? "not run" })")
        let store = try SQLiteStore.open(path: db)
        for n in 1...Int64(leads) {
            let audit = try store.audit(lead: n)
            #expect(audit.filter { $0.field == "stage" && $0.newValue == "mql" }.count == 1)
            #expect(audit.filter { $0.field == "owner" }.count == 1)
            #expect(audit.filter { $0.entity == "signal" }.count == writers)
            #expect(try store.lead(id: n)?.stage == .mql)
        }
        // Exactly one process said so for each lead.
        let outputs = all.compactMap { $0?.stdout }
        #expect(outputs.filter { $0.contains("is now an MQL") }.count == leads)
        #expect(outputs.filter { $0.contains("routed to") }.count == leads)
        // The pool shared the leads by their open leads as each was routed.
        let owners = try (1...Int64(leads)).compactMap { try store.lead(id: $0)?.owner }
        #expect(Set(owners).isSubset(of: ["sam", "lee"]) && owners.count == leads)
    }
}

/// Results gathered from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [Binary.Result?] = []

    func append(_ r: Binary.Result?) {
        lock.lock()
        results.append(r)
        lock.unlock()
    }

    var items: [Binary.Result?] {
        lock.lock()
        defer { lock.unlock() }
        return results
    }
}
