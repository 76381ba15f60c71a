import Foundation
import PostgresTestSupport
import Testing

/// One scoring model for the team: published by ops, used by every command whatever the local folder holds.
@Suite(.enabled(if: clusterAvailable)) struct TeamModelTests {
    func folder() throws -> String {
        let path = NSTemporaryDirectory() + "discovery-model-" + UUID().uuidString
        return path
    }

    @Test func initPublishesTheBundledSetsAndOpsPublishesANewVersionEveryoneUses() throws {
        let db = try TeamDatabase()
        let ops = try db.role("ops", group: "ops")
        let rep = try db.role("rep", group: "rep")
        let shown = try TeamBinary.run(["sets", "show"], db: rep.url)
        #expect(shown.stdout.hasPrefix("version 1, published by postgres at 2026-03-02T09:00:00Z (ok: 7 sets"))
        // Ops pulls the model, makes a demo request worth 5 intent instead of 50, and publishes it.
        let pulled = try folder()
        #expect(try TeamBinary.run(["sets", "pull", pulled], db: ops.url).status == 0)
        let signals = pulled + "/signals.yaml"
        let text = try String(contentsOfFile: signals, encoding: .utf8)
        try text.replacingOccurrences(of: "label: Requested a demo\n    score: { intent: 50 }",
                                      with: "label: Requested a demo\n    score: { intent: 5 }").write(toFile: signals, atomically: true, encoding: .utf8)
        let published = try TeamBinary.run(["sets", "publish", pulled], db: ops.url)
        #expect(published.status == 0 && published.stdout.contains("as version 2"), "\(published.output)")
        #expect(try TeamBinary.run(["sets", "show"], db: rep.url).stdout.hasPrefix("version 2, published by \(ops.name)"))
        // The rep's local folder (the bundled sets, passed by TeamBinary) still says 50: the team's 5 wins.
        #expect(try TeamBinary.run(["lead", "new", "Mercy"], db: rep.url).status == 0)
        let signal = try TeamBinary.run(["signal", "add", "L1", "demo-request"], db: rep.url)
        #expect(signal.stdout.contains("+5 intent"), "\(signal.output)")
        // The verdict names the model it came from: the team's version, not the rep's folder.
        let status = try TeamBinary.run(["status", "L1", "--json"], db: rep.url)
        #expect(status.stdout.contains(#""model_version" : "team v2""#), "\(status.output)")
        let handoff = try TeamBinary.run(["handoff", "L1", "--format", "json"], db: rep.url)
        #expect(handoff.stdout.contains(#""model_version" : "team v2""#), "\(handoff.output)")
        #expect(try TestCluster.psql("SELECT count(*) FROM audit WHERE entity = 'model'", database: db.name) == "1")
    }

    @Test func aRepCannotPublishAndAnInvalidFolderIsRefused() throws {
        let db = try TeamDatabase()
        let rep = try db.role("rep", group: "rep")
        let refused = try TeamBinary.run(["sets", "publish", TeamBinary.questionSets], db: rep.url)
        #expect(refused.status == 1 && refused.stderr.contains("permission denied"))
        let broken = try folder()
        try FileManager.default.createDirectory(atPath: broken + "/profiles", withIntermediateDirectories: true)
        try "sets: [".write(toFile: broken + "/fit.yaml", atomically: true, encoding: .utf8)
        let invalid = try TeamBinary.run(["sets", "publish", broken], db: db.adminURL)
        #expect(invalid.status == 3)
        #expect(try TestCluster.psql("SELECT count(*) FROM model_version", database: db.name) == "1")
        let notEmpty = try TeamBinary.run(["sets", "pull", broken], db: db.adminURL)
        #expect(notEmpty.status == 1 && notEmpty.stderr.contains("not empty"))
    }
}
