import DiscoveryCore
import DiscoveryStorage
import DiscoveryStore
import Foundation
import LineEditor
@testable import DiscoveryShell

/// An in-process shell on a fresh temporary database: type lines, read what it printed.
final class TestShell {
    let folder: String
    let store: any Storage
    let out = BufferOutput()
    let err = BufferOutput()
    let session: Session
    let shell: Shell
    /// The fixed clock every command sees: 2026-03-02 09:00 UTC, a Monday.
    static let now = Date(timeIntervalSince1970: 1_772_442_000)

    init(catalog: Catalog = TestCatalog.minimal, input: [LineInput] = [], interactive: Bool = false,
         user: String = "rep") throws {
        folder = NSTemporaryDirectory() + "discovery-shell-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        store = try SQLiteStore.open(path: folder + "/discovery.sqlite")
        session = Session(store: store, catalog: catalog, user: user,
                          reader: ScriptedLineReader(input, interactive: interactive),
                          out: out, err: err, now: { TestShell.now })
        shell = Shell(session: session)
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Runs one line; returns its exit code. Output accumulates in `out` / `err`.
    @discardableResult
    func run(_ line: String) -> Int32 { shell.execute(line) }

    /// Runs one line and returns what it printed, clearing the buffers.
    func output(_ line: String) -> (code: Int32, out: String, err: String) {
        out.reset()
        err.reset()
        let code = shell.execute(line)
        return (code, out.text, err.text)
    }

    /// Feeds the given inputs to the session's reader (interviews, confirmations).
    func feed(_ inputs: [LineInput], interactive: Bool = false) {
        session.reader = ScriptedLineReader(inputs, interactive: interactive)
    }
}

/// Catalogs built in code, so shell tests do not depend on the bundled YAML.
enum TestCatalog {
    static let minimal = Catalog(
        sets: [],
        profiles: ["capital-equipment", "consumables", "service-software", "healthtech"].map {
            Profile(id: $0, title: $0, sets: [], mql: .init(minTotal: 75, minFit: 30),
                    sql: .init(gates: ["next-step"], minFit: 30))
        },
        signals: [])
}
