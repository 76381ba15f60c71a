import Foundation
import LineEditor

/// The terminal the shell runs on, when there is one.
enum Terminal {
    /// The line reader for a person at a terminal.
    static func reader(historyFile: String) -> LineReader {
        // Replaced by the libedit reader (line editing, history, completion).
        FileLineReader(fileDescriptor: 0)
    }

    /// Columns for tables and charts: the terminal's, else `COLUMNS`, else 80.
    static func width(_ env: Environment) -> Int {
        var ws = winsize()
        if isatty(1) == 1, ioctl(1, UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return env["COLUMNS"].flatMap(Int.init) ?? 80
    }
}
