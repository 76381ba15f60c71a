import DiscoveryCore
import Foundation
import Yams

/// What `lint` found in a question-set folder: the catalog as far as it could be read, and every problem.
public struct LintReport: Sendable {
    public let catalog: Catalog
    /// Sorted by file, then line.
    public let diagnostics: [Diagnostic]

    public var isValid: Bool { diagnostics.isEmpty }

    /// `ok: 7 sets, 52 questions, 4 profiles, 14 signals`.
    public var summary: String {
        let questions = catalog.sets.reduce(0) { $0 + $1.questions.count }
        return "ok: \(Self.count(catalog.sets.count, "set")), \(Self.count(questions, "question")), "
            + "\(Self.count(catalog.profiles.count, "profile")), \(Self.count(catalog.signals.count, "signal"))"
            + (catalog.routing.isActive ? ", \(Self.count(catalog.routing.rules.count, "routing rule"))" : "")
    }

    static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// The error a command reports when it refuses to start: every problem, one per line.
    public var error: DiscoveryError {
        .dataFile(diagnostics.map(\.description).joined(separator: "\n"))
    }
}

/// Loads question sets (`*.yaml`), profiles (`profiles/*.yaml`) and `signals.yaml` from a folder.
public enum CatalogLoader {
    /// The routing file (optional): who gets a lead when it becomes an MQL (SPEC §11).
    static let routingFiles = ["routing.yaml", "routing.yml"]

    /// Files larger than this are refused before parsing: question sets are small.
    static let maximumFileSize = 1_000_000

    /// Reads and validates every file; throws a `dataFile` error listing each `file:line: message`.
    public static func load(directory: String) throws(DiscoveryError) -> Catalog {
        let report = lint(directory: directory)
        guard report.isValid else { throw report.error }
        return report.catalog
    }

    /// Reads and validates every file of the folder, collecting every problem.
    public static func lint(directory: String) -> LintReport {
        let folder = displayPath(directory)
        var diagnostics: [Diagnostic] = []
        var isFolder: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder)
        guard exists, isFolder.boolValue else {
            let what = "pass the question-set folder (the one holding the set files, profiles/ and signals.yaml)"
            let parent = (folder as NSString).deletingLastPathComponent
            let message = exists
                ? "is a file, not a folder: \(what), e.g. '\(parent.isEmpty ? "." : parent)', which lints every file in it"
                : "no such folder: \(what)"
            return LintReport(catalog: .empty, diagnostics: [Diagnostic(file: folder, line: 0, message: message)])
        }
        var sets: [DecodedSet] = []
        let setFiles = yamlFiles(in: folder).filter { !(["signals.yaml", "signals.yml"] + routingFiles).contains($0) }
        for name in setFiles {
            let path = folder + "/" + name
            let log = DiagnosticLog(file: path)
            if let root = readRoot(path, log: log, expecting: "'set', 'title' and 'questions'") {
                var decoder = QuestionSetDecoder(log: log)
                if let set = decoder.decode(root) { sets.append(set) }
            }
            diagnostics += log.diagnostics
        }
        if setFiles.isEmpty {
            diagnostics.append(Diagnostic(file: folder, line: 0, message: "no question sets (*.yaml) in this folder"))
        }
        var profiles: [DecodedProfile] = []
        let profileFolder = folder + "/profiles"
        let profileFiles = yamlFiles(in: profileFolder)
        for name in profileFiles {
            let path = profileFolder + "/" + name
            let log = DiagnosticLog(file: path)
            if let root = readRoot(path, log: log, expecting: "'profile', 'title', 'sets', 'mql' and 'sql'"),
               let profile = ProfileDecoder(log: log).decode(root) {
                profiles.append(profile)
            }
            diagnostics += log.diagnostics
        }
        if profileFiles.isEmpty {
            diagnostics.append(Diagnostic(file: profileFolder, line: 0, message: "no profiles (*.yaml): at least one scoring profile is needed"))
        }
        var signals: [SignalDefinition] = []
        let signalsPath = folder + "/signals.yaml"
        if FileManager.default.fileExists(atPath: signalsPath) {
            let log = DiagnosticLog(file: signalsPath)
            if let root = readRoot(signalsPath, log: log, expecting: "a 'signals:' list") {
                signals = SignalsDecoder(log: log).decode(root) ?? []
            }
            diagnostics += log.diagnostics
        } else {
            diagnostics.append(Diagnostic(file: signalsPath, line: 0, message: "missing: the signals file lists the engagement signal kinds and their points"))
        }
        var routing = RoutingConfig.none
        var routingReferences: [(ConditionReference, String)] = []
        if let name = routingFiles.first(where: { FileManager.default.fileExists(atPath: folder + "/" + $0) }) {
            let path = folder + "/" + name
            let log = DiagnosticLog(file: path)
            if let root = readRoot(path, log: log, expecting: "a 'routing:' list of rules") {
                var decoder = RoutingDecoder(log: log, profiles: profiles.map(\.profile.id))
                routing = decoder.decode(root) ?? .none
                routingReferences = decoder.references.map { ($0, path) }
            }
            diagnostics += log.diagnostics
        }
        var validator = CatalogValidator(sets: sets, profiles: profiles, routingReferences: routingReferences)
        validator.check()
        diagnostics += validator.diagnostics
        let catalog = Catalog(sets: validator.sets.map(\.set), profiles: validator.profiles.map(\.profile), signals: signals,
                              routing: routing)
        return LintReport(catalog: catalog, diagnostics: diagnostics.sortedForReport())
    }

    /// The folder as messages show it: without a trailing slash, and relative to the working
    /// directory when inside it (`question-sets/timeline.yaml:14: ...`).
    static func displayPath(_ directory: String) -> String {
        var path = directory
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        let cwd = FileManager.default.currentDirectoryPath
        if path.hasPrefix("/"), cwd != "/", path.hasPrefix(cwd + "/") {
            return String(path.dropFirst(cwd.count + 1))
        }
        return path
    }

    /// `*.yaml` and `*.yml` files of a folder, by name.
    static func yamlFiles(in folder: String) -> [String] {
        // readdir, not FileManager: every start-up lists the folders to check the catalog cache.
        guard let dir = opendir(folder) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if (name.hasSuffix(".yaml") || name.hasSuffix(".yml")) && !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted()
    }

    /// The file's single YAML document, after the pre-scan found no anchors, aliases,
    /// syntax errors or duplicate keys.
    static func readRoot(_ path: String, log: DiagnosticLog, expecting: String) -> Node? {
        guard let data = FileManager.default.contents(atPath: path) else {
            log.error(line: 1, "cannot read the file (check its permissions)")
            return nil
        }
        guard data.count <= maximumFileSize else {
            log.error(line: 1, "the file is too large (\(data.count) bytes; the limit is \(maximumFileSize))")
            return nil
        }
        guard let text = String(data: data, encoding: .utf8) else {
            log.error(line: 1, "the file is not UTF-8 text")
            return nil
        }
        let before = log.diagnostics.count
        YAMLPrescan.check(text, log: log)
        guard log.diagnostics.count == before else { return nil }
        do {
            guard let root = try Yams.compose(yaml: text) else {
                log.error(line: 1, "the file is empty: expected \(expecting)")
                return nil
            }
            return root
        } catch let error as YamlError {
            log.error(line: error.line, "malformed YAML: \(error.summary)")
        } catch {
            log.error(line: 1, "malformed YAML")
        }
        return nil
    }
}

extension YamlError {
    var line: Int {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        case .duplicatedKeysInMapping(_, let context): return context.mark.line
        default: return 1
        }
    }

    var summary: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        case .duplicatedKeysInMapping(let keys, _): return "duplicate keys \(keys.joined(separator: ", "))"
        default: return "unreadable YAML"
        }
    }
}
