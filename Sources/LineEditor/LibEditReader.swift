import CLibEdit
import CLineInput
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a person at a terminal through libedit: emacs-style editing, persistent
/// history (Up/Down, Ctrl-R), Tab completion, Ctrl-C that cancels the line and Ctrl-D that ends.
///
/// libedit is set up on the first read, so a one-shot command that never reads leaves the
/// terminal alone. If libedit cannot start, lines are read plainly from standard input.
public final class LibEditReader: LineReader {
    public let isInteractive = true
    public private(set) var lineNumber = 0
    /// Tab completion; set once the session exists. Without it Tab just beeps.
    public var completion: CompletionProvider?

    private let historyPath: String?
    private var editor: OpaquePointer?
    private var history: LineHistory?
    private var fallback: FileLineReader?
    private var started = false
    /// The prompt libedit shows, kept alive in C memory between calls.
    private var promptBuffer: UnsafeMutablePointer<CChar>?

    /// `historyFile`: where history persists (`$XDG_STATE_HOME/discovery/history`); `nil` keeps
    /// it in memory only.
    public init(historyFile: String?) {
        self.historyPath = historyFile
    }

    deinit {
        if let editor { el_end(editor) }
        free(promptBuffer)
    }

    public func readLine(prompt: String) -> LineInput {
        start()
        guard let el = editor else {
            let fallback = self.fallback ?? FileLineReader(fileDescriptor: 0)
            self.fallback = fallback
            writeOut(prompt)
            let input = fallback.readLine(prompt: prompt)
            lineNumber = fallback.lineNumber
            return input
        }
        setPrompt(prompt)
        // A Ctrl-C pressed while a command ran belongs to that command, not to this line.
        _ = InterruptSignal.take()
        // Raw mode before the prompt is drawn: keys typed the moment it appears are read and
        // echoed by libedit at once (el_gets would switch only after drawing it). From here on
        // a Ctrl-C sets the flag that the key reader looks at before every wait.
        _ = discovery_el_prep_term(el, 1)
        var count: Int32 = 0
        errno = 0
        guard let raw = el_gets(el, &count) else {
            let error = discovery_errno()
            if InterruptSignal.take() || error == EINTR {
                writeOut("\n")
                el_reset(el)
                return .interrupted
            }
            // Ctrl-D on an empty line (count 0), or the terminal went away: libedit does not
            // end the line on screen, so we do.
            writeOut("\n")
            return .endOfInput
        }
        // The buffer is libedit's and is reused by the next call: copy it now.
        var bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(raw).assumingMemoryBound(to: UInt8.self),
                                              count: strlen(raw)))
        if bytes.last == UInt8(ascii: "\n") { bytes.removeLast() }
        if bytes.last == UInt8(ascii: "\r") { bytes.removeLast() }
        lineNumber += 1
        if bytes.count > FileLineReader.maxLineBytes {
            return .rejected("the line is too long (\(bytes.count) bytes; at most \(FileLineReader.maxLineBytes))")
        }
        if bytes.contains(0) { return .rejected("the line contains a NUL byte") }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .rejected("the line is not valid UTF-8")
        }
        history?.add(text)
        return .line(text)
    }

    // MARK: set-up

    private func start() {
        guard !started else { return }
        started = true
        _ = discovery_setlocale_utf8()
        InterruptSignal.install()
        guard let el = el_init("discovery", discovery_stdin(), discovery_stdout(), discovery_stderr()) else { return }
        editor = el
        discovery_el_set_clientdata(el, Unmanaged.passUnretained(self).toOpaque())
        discovery_el_set_editor(el, "emacs")
        discovery_el_set_signal(el, 1)
        // Our key reader: libedit's own can lose a Ctrl-C pressed just after the echo.
        discovery_el_set_read_key(el) { el, key in discovery_read_key(UnsafeMutableRawPointer(el), key) }
        discovery_el_set_prompt(el) { el in
            guard let el, let data = discovery_el_get_clientdata(el) else { return nil }
            return Unmanaged<LibEditReader>.fromOpaque(data).takeUnretainedValue().promptBuffer
        }
        if let history = LineHistory(path: historyPath) {
            history.load()
            discovery_el_set_history(el, history.handle)
            self.history = history
        }
        discovery_el_addfn(el, "discovery-complete", "Complete the word before the cursor") { el, _ in
            guard let el, let data = discovery_el_get_clientdata(el) else { return UInt8(CC_ERROR) }
            return Unmanaged<LibEditReader>.fromOpaque(data).takeUnretainedValue().complete(el)
        }
        discovery_el_bind(el, "^I", "discovery-complete")
        discovery_el_bind(el, "^R", "em-inc-search-prev")
        // The user's ~/.editrc, if any, may change bindings (a missing file is normal).
        _ = el_source(el, nil)
    }

    private func setPrompt(_ prompt: String) {
        free(promptBuffer)
        promptBuffer = strdup(prompt)
    }

    // MARK: Tab

    /// Applies the completion provider's edit to the line under the cursor.
    private func complete(_ el: OpaquePointer) -> UInt8 {
        guard let completion, let info = el_line(el)?.pointee, let buffer = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_REFRESH_BEEP)
        }
        let before = String(decoding: UnsafeRawBufferPointer(start: buffer, count: cursor - buffer), as: UTF8.self)
        let edit = completion(before)
        if !edit.changesNothing {
            if edit.deleteCount > 0 { el_deletestr(el, Int32(edit.deleteCount)) }
            if !edit.insert.isEmpty && el_insertstr(el, edit.insert) != 0 { return UInt8(CC_REFRESH_BEEP) }
        }
        if edit.candidates.count > 1 {
            let lines = CandidateColumns.lines(edit.candidates, width: terminalWidth())
            writeOut("\n" + lines.joined(separator: "\n") + "\n")
            return UInt8(CC_REDISPLAY)
        }
        return UInt8(edit.changesNothing ? CC_REFRESH_BEEP : CC_REFRESH)
    }

    private func terminalWidth() -> Int {
        var ws = winsize()
        if ioctl(fileno(discovery_stdout()), UInt(TIOCGWINSZ), &ws) == 0, ws.ws_col > 0 { return Int(ws.ws_col) }
        return 80
    }

    private func writeOut(_ text: String) {
        let out = discovery_stdout()
        fputs(text, out)
        fflush(out)
    }
}
