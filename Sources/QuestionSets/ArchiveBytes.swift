/// The primitives of `CatalogArchive`: whole numbers as zigzag LEB128 varints, strings as a
/// length and their UTF-8 bytes, optionals as a 0/1 byte before the value, lists as a count
/// before the items. Written and read by hand, without `Codable`: at start-up the generic
/// `Codable` machinery costs more in runtime type look-ups than the bytes themselves.
struct ArchiveWriter {
    private(set) var bytes: [UInt8] = []

    mutating func int(_ value: Int) {
        var rest = UInt64(bitPattern: Int64((value << 1) ^ (value >> (Int.bitWidth - 1))))
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func tag(_ value: UInt8) { bytes.append(value) }

    mutating func string(_ value: String) {
        int(value.utf8.count)
        bytes.append(contentsOf: value.utf8)
    }

    mutating func strings(_ values: [String]) {
        int(values.count)
        for value in values { string(value) }
    }

    /// 0 for `nil`, else 1 and the value.
    mutating func optional<T>(_ value: T?, _ write: (inout ArchiveWriter, T) -> Void) {
        guard let value else { return bool(false) }
        bool(true)
        write(&self, value)
    }
}

/// Reads what `ArchiveWriter` wrote; every read checks the bounds and the values, so a damaged
/// archive throws `ArchiveDamaged` instead of trapping.
struct ArchiveReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var isAtEnd: Bool { position == bytes.count }

    mutating func tag() throws(ArchiveDamaged) -> UInt8 {
        guard position < bytes.count else { throw ArchiveDamaged() }
        defer { position += 1 }
        return bytes[position]
    }

    mutating func bool() throws(ArchiveDamaged) -> Bool {
        switch try tag() {
        case 0: return false
        case 1: return true
        default: throw ArchiveDamaged()
        }
    }

    mutating func int() throws(ArchiveDamaged) -> Int {
        var raw: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try tag()
            // The tenth byte holds only the 64th bit: more would be cut off without a word.
            guard shift < 63 || (shift == 63 && byte <= 1) else { throw ArchiveDamaged() }
            raw |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
        }
        let value = Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1)))
        return Int(value)
    }

    /// A count of items still to come: never more than the bytes left (each item takes one).
    mutating func count() throws(ArchiveDamaged) -> Int {
        let n = try int()
        guard n >= 0, n <= bytes.count - position else { throw ArchiveDamaged() }
        return n
    }

    mutating func string() throws(ArchiveDamaged) -> String {
        let n = try count()
        defer { position += n }
        guard let text = String(validating: bytes[position..<position + n], as: UTF8.self) else { throw ArchiveDamaged() }
        return text
    }

    mutating func strings() throws(ArchiveDamaged) -> [String] {
        let n = try count()
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try string()) }
        return out
    }

    /// A raw value of a fixed list (`ReasonCode`, `QuestionType`, ...), refused when unknown.
    mutating func value<T: RawRepresentable>(_: T.Type) throws(ArchiveDamaged) -> T where T.RawValue == String {
        guard let value = T(rawValue: try string()) else { throw ArchiveDamaged() }
        return value
    }

    mutating func optional<T>(_ read: (inout ArchiveReader) throws(ArchiveDamaged) -> T) throws(ArchiveDamaged) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func list<T>(_ read: (inout ArchiveReader) throws(ArchiveDamaged) -> T) throws(ArchiveDamaged) -> [T] {
        let n = try count()
        var out: [T] = []
        out.reserveCapacity(n)
        for _ in 0..<n { out.append(try read(&self)) }
        return out
    }
}

/// A stored archive that cannot be read back: truncated, altered, or of another format.
struct ArchiveDamaged: Error {}
