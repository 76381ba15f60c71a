import CLineInput

/// SIGINT plumbing: Ctrl-C never kills the shell. A C handler (async-signal-safe, in
/// CLineInput) only sets a flag; the line editor's key reader waits with SIGINT unblocked only
/// inside pselect, so `el_gets` returns `EINTR` and the reader reports `.interrupted`.
public enum InterruptSignal {
    /// Installs the handler and unblocks SIGINT and SIGTERM, which a parent (a test runner)
    /// may have left blocked. Safe to call more than once.
    public static func install() {
        _ = discovery_install_sigint()
    }

    /// True when Ctrl-C was pressed since the last call; clears the flag. Long-running
    /// commands may poll it to stop early.
    public static func take() -> Bool {
        discovery_take_sigint() != 0
    }
}
