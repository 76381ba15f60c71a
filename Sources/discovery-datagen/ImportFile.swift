import Foundation
import SeededRandom

/// Writes a marketing-automation style CSV (one contact per row, HubSpot-like column names)
/// for the import benchmark: `rows` rows, three contacts per organisation, unique emails.
enum ImportFile {
    static let header = "company,firstname,lastname,email,phone,jobtitle,discovery_region,discovery_specialty,discovery_org_type,leadsource"

    static func write(path: String, rows: Int, seed: UInt64) throws {
        var random = SeededRandom(seed: seed)
        guard let out = FileHandle(forWritingAtPath: path) ?? {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            return FileHandle(forWritingAtPath: path)
        }() else { throw GeneratorError("\(path): cannot write the file") }
        defer { try? out.close() }
        try out.truncate(atOffset: 0)
        var text = header + "\r\n"
        var org = ""
        var type = ""
        for row in 0..<rows {
            if row % 3 == 0 {
                let (suffix, t) = random.pick(Vocabulary.suffixes)
                org = "\(random.pick(Vocabulary.orgPrefixes)) \(random.pick(Vocabulary.places)) \(suffix) \(row / 3 + 1)"
                type = t
            }
            let first = random.pick(Vocabulary.firstNames)
            let last = random.pick(Vocabulary.lastNames)
            let local = "\(first).\(last)".lowercased().filter { $0.isASCII && ($0.isLetter || $0 == ".") }
            let fields = [org, first, last, "\(local).\(row + 1)@import.example.org",
                          "+1 555 \(100 + random.below(900)) \(1000 + random.below(9000))", random.pick(Vocabulary.titles).0,
                          random.pick(Vocabulary.regions), random.pick(Vocabulary.specialties), type, random.pick(Vocabulary.sources)]
            text += fields.map(quote).joined(separator: ",") + "\r\n"
            if text.utf8.count > 1 << 20 {
                try out.write(contentsOf: Data(text.utf8))
                text = ""
            }
        }
        try out.write(contentsOf: Data(text.utf8))
    }

    /// RFC 4180 quoting when a field needs it.
    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

struct GeneratorError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}
