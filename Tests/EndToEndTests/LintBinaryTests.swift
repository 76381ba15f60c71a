import Foundation
import Testing

/// `discovery lint` and the refusal to start on invalid question sets, through the built binary.
@Suite struct LintBinaryTests {
    /// A question-set folder with one broken set, beside a valid copy of the bundled sets.
    static func brokenFolder() throws -> String {
        let folder = NSTemporaryDirectory() + "discovery-broken-sets-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: Binary.packageRoot + "/question-sets", toPath: folder)
        // The label of one choice goes missing, as in a careless edit.
        let path = folder + "/timeline.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "        label: In the next two quarters\n", with: "")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return folder
    }

    static let expectedError = "timeline.yaml:15: choice 'next-two-quarters' of 'evaluation-window' has no label"

    @Test func lintOfTheBundledSetsSaysOk() throws {
        let r = try Binary.run(["lint", Binary.packageRoot + "/question-sets"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("ok: 7 sets, "))
        #expect(r.stdout.contains(" questions, 4 profiles, 20 signals"))
        #expect(r.stderr == "")
    }

    @Test func lintReportsFileAndLineWithExitThreeAndNoDatabase() throws {
        let folder = try Self.brokenFolder()
        let home = NSTemporaryDirectory() + "discovery-e2e-" + UUID().uuidString
        let r = try Binary.run(["lint", folder], home: home)
        #expect(r.status == 3)
        #expect(r.stderr == "\(folder)/\(Self.expectedError)\ndiscovery: 1 problem in \(folder)\n")
        #expect(r.stdout == "")
        #expect(!FileManager.default.fileExists(atPath: home + "/data/discovery"))
    }

    @Test func lintWorksWhenTheDefaultSetsAreInvalid() throws {
        let folder = try Self.brokenFolder()
        let r = try Binary.run(["--question-sets", folder, "lint", Binary.packageRoot + "/question-sets"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("ok: 7 sets"))
        let own = try Binary.run(["lint"], environment: ["DISCOVERY_QUESTION_SETS": folder])
        #expect(own.status == 3)
        #expect(own.stderr.hasPrefix("\(folder)/\(Self.expectedError)\n"))
    }

    @Test(arguments: [["lead", "list"], ["lead", "new", "Mercy Regional"], ["help"]])
    func everyCommandRefusesToStartOnInvalidSets(command: [String]) throws {
        let folder = try Self.brokenFolder()
        let r = try Binary.run(["--question-sets", folder] + command)
        #expect(r.status == 3)
        #expect(r.stderr == "discovery: \(folder)/\(Self.expectedError)\n")
        #expect(r.stdout == "")
    }

    @Test func scriptModeRefusesToStartOnInvalidSets() throws {
        let folder = try Self.brokenFolder()
        let r = try Binary.run([], stdin: "lead new Mercy\nlead list\n", environment: ["DISCOVERY_QUESTION_SETS": folder])
        #expect(r.status == 3)
        #expect(r.stderr == "discovery: \(folder)/\(Self.expectedError)\n")
    }

    @Test func bundledSetsAreFoundFromAnyWorkingDirectory() throws {
        let elsewhere = NSTemporaryDirectory() + "discovery-cwd-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        let lint = try Binary.run(["lint"], currentDirectory: elsewhere)
        #expect(lint.status == 0)
        #expect(lint.stdout.hasPrefix("ok: 7 sets"))
        let list = try Binary.run(["lead", "list"], currentDirectory: elsewhere)
        #expect(list.status == 0, "\(list.stderr)")
    }

    @Test func anInstalledBinaryFindsTheSetsInShare() throws {
        // An install: PREFIX/bin/discovery beside PREFIX/share/discovery/question-sets. The share copy
        // is broken on purpose, so the report shows which folder was used.
        let prefix = NSTemporaryDirectory() + "discovery-prefix-" + UUID().uuidString
        let fm = FileManager.default
        try fm.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: prefix + "/share/discovery", withIntermediateDirectories: true)
        try fm.copyItem(atPath: Binary.path, toPath: prefix + "/bin/discovery")
        let broken = try Self.brokenFolder()
        try fm.copyItem(atPath: broken, toPath: prefix + "/share/discovery/question-sets")
        let p = Process()
        p.executableURL = URL(fileURLWithPath: prefix + "/bin/discovery")
        p.arguments = ["lint"]
        p.environment = ["HOME": prefix, "PATH": "/usr/bin:/bin", "NO_COLOR": "1"]
        p.currentDirectoryURL = URL(fileURLWithPath: prefix)
        let err = Pipe()
        p.standardError = err
        p.standardOutput = Pipe()
        try p.run()
        let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        // The share folder wins over the source tree: its (broken) timeline is the one reported.
        #expect(p.terminationStatus == 3)
        #expect(text.contains("share/discovery/question-sets/\(Self.expectedError)"))
    }
}
