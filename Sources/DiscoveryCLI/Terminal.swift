import DiscoveryShell
import Foundation
import LineEditor

/// The terminal the shell runs on, when there is one.
enum Terminal {
    /// The line reader for a person at a terminal: libedit with persistent history. Its Tab
    /// completion is attached once the session exists (`attachCompletion`).
    static func reader(historyFile: String) -> LibEditReader {
        LibEditReader(historyFile: historyFile)
    }

    /// Lets Tab complete from `session` (its commands, leads, contacts, questions).
    static func attachCompletion(to reader: LibEditReader, session: Session) {
        reader.completion = { [weak session] line in
            guard let session else { return .none }
            return Completer(session: session).edit(line)
        }
    }

    /// Columns for tables and charts: the terminal's, else `COLUMNS`, else 80.
    static func width(_ env: Environment) -> Int {
        var ws = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return env["COLUMNS"].flatMap(Int.init) ?? 80
    }
}
