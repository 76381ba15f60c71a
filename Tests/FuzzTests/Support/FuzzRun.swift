import Foundation

/// Settings and bookkeeping shared by the fuzz tests. `DISCOVERY_FUZZ_ITERATIONS` and
/// `DISCOVERY_FUZZ_SEED` set a long run by hand; the test suite runs a short one.
/// Before each input runs it is written to `.build/fuzz-current-TARGET` (one write, no fsync):
/// if the process dies on it, that file is the crash input to add to `Corpus/TARGET/`.
struct FuzzRun {
    let target: String
    let iterations: Int
    let seed: UInt64
    private let fd: Int32

    init(target: String, defaultIterations: Int) {
        let env = ProcessInfo.processInfo.environment
        self.target = target
        iterations = env["DISCOVERY_FUZZ_ITERATIONS"].flatMap(Int.init) ?? defaultIterations
        seed = env["DISCOVERY_FUZZ_SEED"].flatMap(UInt64.init) ?? 20_260_302
        let path = FuzzRun.packageRoot + "/.build/fuzz-current-\(target)"
        fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    }

    /// Records `input` as the one about to run.
    func willRun(_ input: [UInt8]) {
        guard fd >= 0 else { return }
        _ = ftruncate(fd, 0)
        _ = input.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    func finish(executions: Int) {
        if fd >= 0 { close(fd) }
        print("fuzz \(target): \(executions) executions, seed \(seed), 0 crashes")
    }

    static var packageRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
    }

    /// Every file of `Corpus/TARGET/`: crash inputs found earlier and hand-picked hard cases.
    static func corpus(_ target: String) -> [[UInt8]] {
        let dir = packageRoot + "/Tests/FuzzTests/Corpus/" + target
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
        return names.compactMap { FileManager.default.contents(atPath: dir + "/" + $0).map { Array($0) } }
    }
}
