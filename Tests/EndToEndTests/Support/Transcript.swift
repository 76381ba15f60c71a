import Foundation

/// A golden transcript: runs of the real binary with the output each must print.
///
/// ```
/// # a comment
/// $ lead new "Mercy Regional" --type hospital      one-shot run (arguments split like a shell)
/// L1                                               expected standard output
/// $ --keep-going <<EOF                             script mode: the lines up to EOF are stdin
/// lead new
/// EOF
/// 2> line 1: 'lead new' is missing an argument...  expected standard error
/// [2]                                              expected exit code (0 when absent)
/// ```
/// All runs of one file share one HOME, so the database carries over from run to run.
struct Transcript {
    struct Run {
        var line: Int
        var command: String
        var arguments: [String]
        var stdin: String
        var stdout: [String] = []
        var stderr: [String] = []
        var status: Int32 = 0
    }

    var header: [String] = []
    var runs: [Run] = []

    init(parsing text: String) throws {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            i += 1
            if line.hasPrefix("$ ") {
                var command = String(line.dropFirst(2))
                var stdin = ""
                if let range = command.range(of: " <<EOF") ?? (command == "<<EOF" ? command.startIndex..<command.endIndex : nil) {
                    command = String(command[..<range.lowerBound])
                    while i < lines.count, lines[i] != "EOF" {
                        stdin += lines[i] + "\n"
                        i += 1
                    }
                    guard i < lines.count else { throw TranscriptError("line \(i): heredoc without EOF") }
                    i += 1
                }
                runs.append(Run(line: i, command: line, arguments: try ShellWords.split(command), stdin: stdin))
            } else if runs.isEmpty {
                header.append(line)
            } else if line.hasPrefix("2> ") || line == "2>" {
                runs[runs.count - 1].stderr.append(String(line.dropFirst(3)))
            } else if line.hasPrefix("["), line.hasSuffix("]"), let code = Int32(line.dropFirst().dropLast()) {
                runs[runs.count - 1].status = code
            } else {
                runs[runs.count - 1].stdout.append(line)
            }
        }
    }

    /// The transcript text for these runs (used to re-record).
    func render() -> String {
        var out = header.map { $0 + "\n" }.joined()
        for run in runs {
            out += run.command + "\n"
            if !run.stdin.isEmpty { out += run.stdin + "EOF\n" }
            out += run.stdout.map { $0 + "\n" }.joined()
            out += run.stderr.map { "2> " + $0 + "\n" }.joined()
            if run.status != 0 { out += "[\(run.status)]\n" }
        }
        return out
    }
}

struct TranscriptError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

/// Splits a `$` line into words with single quotes, double quotes and backslashes.
enum ShellWords {
    static func split(_ text: String) throws -> [String] {
        var words: [String] = []
        var word = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for ch in text {
            if escaped { word.append(ch); escaped = false; continue }
            if let q = quote {
                if ch == q { quote = nil } else if ch == "\\" && q == "\"" { escaped = true } else { word.append(ch) }
            } else if ch == " " {
                if inWord { words.append(word); word = ""; inWord = false }
            } else if ch == "'" || ch == "\"" {
                quote = ch; inWord = true
            } else if ch == "\\" {
                escaped = true; inWord = true
            } else {
                word.append(ch); inWord = true
            }
        }
        guard quote == nil else { throw TranscriptError("unterminated quote in: \(text)") }
        if inWord { words.append(word) }
        return words
    }
}
