/// Reads the JSON that `AnswerCoding.encode` writes (`{"choice":{"_0":"us"}}`) straight from its
/// UTF-8 bytes, without a `JSONDecoder`: a whole-book report decodes millions of answers, and a
/// decoder per value cost microseconds each. Anything it does not recognise gives `nil`, and
/// `AnswerCoding.decode` then asks `JSONDecoder`, so the two always agree.
struct AnswerJSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var i = 0

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Reads the string's own UTF-8 bytes, in place.
    static func read(_ text: String) -> AnswerValue? {
        var text = text
        return text.withUTF8(read(bytes:))
    }

    /// Reads the UTF-8 bytes as stored (a whole-book read hands them over without making a
    /// string of them). Bytes that are not UTF-8 are repaired as `String(decoding:)` repairs them.
    static func read(bytes: UnsafeBufferPointer<UInt8>) -> AnswerValue? {
        var r = AnswerJSONReader(bytes)
        return r.value()
    }

    private mutating func value() -> AnswerValue? {
        guard take(UInt8(ascii: "{")), let key = string(), take(UInt8(ascii: ":")), take(UInt8(ascii: "{")),
              let inner = string(), inner == "_0", take(UInt8(ascii: ":")) else { return nil }
        let result: AnswerValue?
        switch key {
        case "text": result = string().map(AnswerValue.text)
        case "choice": result = string().map(AnswerValue.choice)
        case "date": result = string().map(AnswerValue.date)
        case "multi": result = strings().map(AnswerValue.multi)
        case "contacts": result = strings().map(AnswerValue.contacts)
        case "yesNo": result = bool().map(AnswerValue.yesNo)
        case "number": result = number().map(AnswerValue.number)
        default: result = nil
        }
        guard let result, take(UInt8(ascii: "}")), take(UInt8(ascii: "}")) else { return nil }
        skipSpace()
        return i == bytes.count ? result : nil
    }

    private mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        skipSpace()
        guard i < bytes.count, bytes[i] == byte else { return false }
        i += 1
        return true
    }

    private mutating func strings() -> [String]? {
        guard take(UInt8(ascii: "[")) else { return nil }
        var out: [String] = []
        if take(UInt8(ascii: "]")) { return out }
        repeat {
            guard let s = string() else { return nil }
            out.append(s)
        } while take(UInt8(ascii: ","))
        return take(UInt8(ascii: "]")) ? out : nil
    }

    private mutating func bool() -> Bool? {
        skipSpace()
        if word("true") { return true }
        if word("false") { return false }
        return nil
    }

    private mutating func word(_ w: StaticString) -> Bool {
        let n = w.utf8CodeUnitCount
        guard i + n <= bytes.count else { return false }
        for k in 0..<n where bytes[i + k] != w.utf8Start[k] { return false }
        i += n
        return true
    }

    /// A JSON number, read by Swift's own `Double` parser over exactly the JSON grammar's characters.
    private mutating func number() -> Double? {
        skipSpace()
        let start = i
        while i < bytes.count, (0x30...0x39).contains(bytes[i]) || bytes[i] == 0x2D || bytes[i] == 0x2B
                || bytes[i] == 0x2E || bytes[i] == 0x65 || bytes[i] == 0x45 { i += 1 }
        guard i > start else { return nil }
        return Double(String(decoding: bytes[start..<i], as: UTF8.self))
    }

    /// A JSON string with its escapes; `nil` on anything malformed.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        // Most strings have no escape: their bytes are the string.
        let start = i
        while i < bytes.count, bytes[i] != UInt8(ascii: "\""), bytes[i] != UInt8(ascii: "\\"), bytes[i] >= 0x20 { i += 1 }
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") {
            i += 1
            // Cut at ASCII quotes, so the bytes are as valid as the whole: decoding (which repairs
            // what is not UTF-8, as a string made of the whole would) needs no validating pass.
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(i - 1)]), as: UTF8.self)
        }
        var out = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            switch b {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard i < bytes.count else { return nil }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(e)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    guard var scalar = hex4() else { return nil }
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard word("\\u"), let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let u = Unicode.Scalar(scalar) else { return nil }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: return nil
                }
            case 0x00...0x1F:
                return nil
            default:
                out.append(b)
            }
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let d: UInt32
            switch b {
            case 0x30...0x39: d = UInt32(b - 0x30)
            case 0x41...0x46: d = UInt32(b - 0x41 + 10)
            case 0x61...0x66: d = UInt32(b - 0x61 + 10)
            default: return nil
            }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
