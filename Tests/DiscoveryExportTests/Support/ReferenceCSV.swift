/// An RFC 4180 parser written for the tests only, independently of `CSVReader`: it reads a
/// whole text, accepts only CRLF record ends, and fails on anything the RFC does not allow
/// (a quote inside an unquoted field, text after a closing quote, an unclosed quote).
enum ReferenceCSV {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        let s = Array(text.unicodeScalars)
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        var i = 0
        var quoted = false
        var fieldStarted = false
        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            fieldStarted = false
        }
        while i < s.count {
            let c = s[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < s.count, s[i + 1] == "\"" {
                        field.append("\"")
                        i += 2
                        continue
                    }
                    quoted = false
                    i += 1
                    guard i == s.count || s[i] == "," || s[i] == "\r" else {
                        throw Malformed(description: "text after a closing quote at scalar \(i)")
                    }
                    continue
                }
                field.append(c)
                i += 1
                continue
            }
            switch c {
            case "\"":
                guard !fieldStarted, field.isEmpty else { throw Malformed(description: "quote inside an unquoted field at \(i)") }
                quoted = true
                fieldStarted = true
                i += 1
            case ",":
                endField()
                i += 1
            case "\r":
                guard i + 1 < s.count, s[i + 1] == "\n" else { throw Malformed(description: "CR without LF at \(i)") }
                endField()
                records.append(record)
                record = []
                i += 2
            case "\n":
                throw Malformed(description: "bare LF outside quotes at \(i)")
            default:
                field.append(c)
                fieldStarted = true
                i += 1
            }
        }
        if quoted { throw Malformed(description: "unclosed quote") }
        if fieldStarted || !field.isEmpty || !record.isEmpty {
            endField()
            records.append(record)
        }
        return records
    }
}
