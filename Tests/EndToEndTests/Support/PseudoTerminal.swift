import CPseudoTerminal
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives the built binary on a pseudo-terminal, as a person would: waits for text to appear
/// (poll with a deadline, never a blind sleep), types keys, and collects the exit status.
/// Every wait is bounded: a hung child fails the test and is killed, it never hangs the suite.
final class PseudoTerminal {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let pid: pid_t
    let home: String
    private let master: Int32
    /// Everything the child wrote, escape sequences included.
    private(set) var output: [UInt8] = []
    /// Where the next `waitFor` starts looking.
    private var mark = 0
    private var status: Int32?
    private var closed = false

    /// The environment of `Binary.run`, but a real terminal type: libedit needs one.
    static func environment(home: String) -> [String: String] {
        ["HOME": home, "XDG_DATA_HOME": home + "/data", "XDG_STATE_HOME": home + "/state",
         "NO_COLOR": "1", "TERM": "vt100", "USER": "tester", "PATH": "/usr/bin:/bin",
         "SWIFT_BACKTRACE": "enable=no", "DISCOVERY_NOW": "2026-03-02T09:00:00Z"]
    }

    /// A fresh HOME for one test.
    static func makeHome() throws -> String {
        let home = NSTemporaryDirectory() + "discovery-pty-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        return home
    }

    /// Starts `discovery ARGS...` on a new 24×100 terminal.
    init(_ arguments: [String] = [], home: String, environment extra: [String: String] = [:]) throws {
        self.home = home
        var env = Self.environment(home: home)
        env.merge(extra) { $1 }
        let argv = [Binary.path] + arguments
        let envp = env.map { "\($0.key)=\($0.value)" }
        var fd: Int32 = -1
        let cArgs = argv.map { strdup($0) } + [nil]
        let cEnv = envp.map { strdup($0) } + [nil]
        defer { (cArgs + cEnv).forEach { free($0) } }
        let child = discovery_pty_spawn(Binary.path, cArgs, cEnv, 24, 100, &fd)
        guard child > 0 else { throw Failure(description: "cannot spawn \(Binary.path) on a pseudo-terminal: errno \(errno)") }
        pid = child
        master = fd
        // Never block on the terminal: a full buffer must not deadlock against the child's echo.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
    }

    deinit {
        if status == nil {
            kill(pid, SIGKILL)
            var s: Int32 = 0
            waitpid(pid, &s, 0)
        }
        close(master)
    }

    /// The output as text (invalid bytes replaced), for failure messages.
    var text: String { String(decoding: output, as: UTF8.self) }

    /// Types `text` (bytes as given: "\t" is Tab, "\u{3}" Ctrl-C, "\u{4}" Ctrl-D, "\r" Enter),
    /// reading the echo as it goes so a long input cannot fill both directions and stall.
    func send(_ text: String, timeout: Double = 60) throws {
        let bytes = Array(text.utf8)
        var offset = 0
        let deadline = Date().addingTimeInterval(timeout)
        while offset < bytes.count {
            guard deadline.timeIntervalSinceNow > 0 else {
                throw Failure(description: "the terminal took no input for \(timeout) s (\(offset) of \(bytes.count) bytes sent)")
            }
            var fds = pollfd(fd: master, events: Int16(POLLIN | POLLOUT), revents: 0)
            guard poll(&fds, 1, 200) > 0 else { continue }
            if fds.revents & Int16(POLLIN) != 0 { _ = readAvailable(timeoutMs: 0) }
            guard fds.revents & Int16(POLLOUT) != 0 else {
                if closed { throw Failure(description: "the shell closed the terminal while typing") }
                continue
            }
            let chunk = min(1024, bytes.count - offset)
            let n = bytes.withUnsafeBytes { write(master, $0.baseAddress! + offset, chunk) }
            if n > 0 {
                offset += n
            } else if n < 0 && errno != EINTR && errno != EAGAIN {
                throw Failure(description: "cannot write to the terminal: errno \(errno)")
            }
        }
    }

    /// Waits for `prompt`, then until libedit has put the terminal in raw mode: a key sent
    /// before that is cooked by the kernel (Ctrl-D would become an end-of-file marker).
    func waitForPrompt(_ prompt: String, timeout: Double = 15) throws {
        try waitFor(prompt, timeout: timeout)
        let deadline = Date().addingTimeInterval(timeout)
        var attributes = termios()
        while tcgetattr(master, &attributes) == 0 && attributes.c_lflag & tcflag_t(ICANON) != 0 {
            guard deadline.timeIntervalSinceNow > 0 else {
                throw Failure(description: "the terminal never left canonical mode after the prompt")
            }
            _ = readAvailable(timeoutMs: 10)
        }
    }

    /// Waits until `needle` appears after the previous match; moves past it.
    func waitFor(_ needle: String, timeout: Double = 15) throws {
        let wanted = Array(needle.utf8)
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let range = find(wanted, from: mark) {
                mark = range
                return
            }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 || closed {
                let tail = String(decoding: output.suffix(600), as: UTF8.self)
                throw Failure(description: "'\(needle)' did not appear within \(timeout) s; the terminal showed: \(tail.debugDescription)")
            }
            _ = readAvailable(timeoutMs: Int32(min(left, 0.5) * 1000))
        }
    }

    /// Waits for the process to end, draining its output; returns its exit code (128+N for
    /// a signal).
    func waitForExit(timeout: Double = 15) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let status { return status }
            var s: Int32 = 0
            let r = waitpid(pid, &s, WNOHANG)
            if r == pid {
                _ = readAvailable(timeoutMs: 50)
                let code = (s & 0x7f) == 0 ? (s >> 8) & 0xff : 128 + (s & 0x7f)
                status = code
                return code
            }
            if deadline.timeIntervalSinceNow <= 0 {
                throw Failure(description: "the shell did not exit within \(timeout) s; the terminal showed: \(String(decoding: output.suffix(600), as: UTF8.self).debugDescription)")
            }
            _ = readAvailable(timeoutMs: 50)
        }
    }

    /// Sends a signal to the child (e.g. SIGKILL right after a change was acknowledged).
    func signal(_ signo: Int32) {
        kill(pid, signo)
    }

    /// Reads whatever is there within `timeoutMs`; false at end of output.
    @discardableResult
    private func readAvailable(timeoutMs: Int32) -> Bool {
        guard !closed else { return false }
        var fds = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, timeoutMs)
        guard ready > 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { read(master, $0.baseAddress, $0.count) }
        if n > 0 {
            output += buffer[0..<n]
            return true
        }
        if n < 0 && (errno == EINTR || errno == EAGAIN) { return true }
        // EIO: the child closed its side of the terminal.
        closed = true
        return false
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty else { return start }
        guard output.count >= needle.count, start <= output.count - needle.count else { return nil }
        var i = start
        while i <= output.count - needle.count {
            if output[i] == needle[0] && Array(output[i..<(i + needle.count)]) == needle { return i + needle.count }
            i += 1
        }
        return nil
    }
}
