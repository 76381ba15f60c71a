import DiscoveryCore
import Foundation
import QuestionSets
import Testing

/// The bundled question sets with one file mutated at random, loaded and linted: the loader
/// always answers with a catalog or with `file:line` diagnostics naming a file of the folder,
/// never a trap, a hang or a runaway allocation.
@Suite struct LoaderFuzzTests {
    static let tokens = ["&a ", "*a", "<<: *a", "- ", ": ", "{", "}", "[", "]", "\n  ", "\t", "'", "\"", "#", "---\n",
                         "when:", "question:", "in: [", "choices:", "id: x", "score: { fit: 99999999999999999999 }",
                         "type: multi", "gate: ", "stop: other", "!!binary", "%YAML 1.1\n", "? ", "|\n", "\u{0}", "~"]

    @Test func mutatedQuestionSetsNeverTrap() throws {
        let run = FuzzRun(target: "loader", defaultIterations: 120)
        var mutator = Mutator(seed: run.seed, tokens: Self.tokens)
        let source = FuzzRun.packageRoot + "/question-sets"
        let folder = NSTemporaryDirectory() + "discovery-fuzz-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: source, toPath: folder)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let files = (FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted()
        try #require(!files.isEmpty)
        var originals: [String: [UInt8]] = [:]
        for f in files { originals[f] = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + f))) }
        var executions = 0
        let corpus = FuzzRun.corpus("loader").map { ("fit.yaml", $0) }
        var inputs: [(String, [UInt8])] = corpus
        for _ in 0..<run.iterations {
            let file = files[mutator.below(files.count)]
            inputs.append((file, mutator.mutate(originals[file] ?? [], limit: 64 * 1024)))
        }
        for (file, bytes) in inputs {
            run.willRun(bytes)
            let path = folder + "/" + file
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let report = CatalogLoader.lint(directory: folder)
            for d in report.diagnostics {
                #expect(d.line >= 0 && d.file.hasPrefix(folder) && !d.message.isEmpty, "\(d)")
            }
            if report.isValid { #expect(!report.catalog.sets.isEmpty) }
            try Data(originals[file] ?? []).write(to: URL(fileURLWithPath: path))
            executions += 1
        }
        run.finish(executions: executions)
        #expect(executions == inputs.count)
    }
}
