import Foundation

/// A value that writes its own compact JSON, byte for byte what `JSONText.encode(value,
/// pretty: false)` writes for it through `Encodable`, without the `Encoder` machinery (no
/// containers, coding keys or tree): the hot records of `export --format json`. The
/// `Encodable` conformance stays the reference, and `JSONWritableMatchesEncodableTests` holds
/// every writable type to Foundation's bytes.
protocol JSONWritable {
    func writeJSON(to json: inout JSONCompactText)
}

/// Compact JSON (no whitespace) appended to a byte buffer, with `JSONText`'s conventions: the
/// scalars as `JSONScalarText` writes them, ISO-8601 dates, `null` for an absent value. An
/// object's members must be written in the order `.sortedKeys` puts them (their keys' UTF-8
/// bytes); `JSONObjectKeys` sorts a type's keys once.
struct JSONCompactText {
    var bytes: [UInt8] = []
    /// Whether the container being written needs a comma before its next member or element.
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Empties the buffer, keeping its storage, for the next record.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        needsComma = false
    }

    // MARK: Scalars

    mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

    mutating func bool(_ value: Bool) {
        if value { bytes.append(contentsOf: [0x74, 0x72, 0x75, 0x65]) } else { bytes.append(contentsOf: [0x66, 0x61, 0x6C, 0x73, 0x65]) }
    }

    mutating func string(_ value: String) { JSONScalarText.appendString(value, to: &bytes) }

    mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    mutating func integer<I: FixedWidthInteger>(_ value: I) { JSONScalarText.appendInteger(value, to: &bytes) }

    mutating func integer<I: FixedWidthInteger>(_ value: I?) {
        if let value { integer(value) } else { null() }
    }

    mutating func date(_ value: Date) { JSONISO8601Date.append(value, to: &bytes) }

    mutating func date(_ value: Date?) {
        if let value { date(value) } else { null() }
    }

    // MARK: Containers

    /// An object whose members `body` writes, each through `key(_:)` then its value.
    mutating func object(_ body: (inout JSONCompactText) -> Void) {
        enclosed(UInt8(ascii: "{"), UInt8(ascii: "}"), body)
    }

    /// An object of `keys`' members, in key order, each member's value written by `value`.
    mutating func object<Member>(_ keys: JSONObjectKeys<Member>, _ value: (Member, inout JSONCompactText) -> Void) {
        object { json in
            for (member, key) in keys.members {
                json.key(key)
                value(member, &json)
            }
        }
    }

    /// The next member's key (already quoted, `JSONObjectKeys`) and the colon after it.
    mutating func key(_ quoted: [UInt8]) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        bytes.append(contentsOf: quoted)
        bytes.append(UInt8(ascii: ":"))
    }

    /// An array of the elements `body` writes, each after `element()`.
    mutating func array(_ body: (inout JSONCompactText) -> Void) {
        enclosed(UInt8(ascii: "["), UInt8(ascii: "]"), body)
    }

    /// What `body` writes between `open` and `close`, its first member or element without a
    /// comma before it, the comma state outside left as it was.
    private mutating func enclosed(_ open: UInt8, _ close: UInt8, _ body: (inout JSONCompactText) -> Void) {
        bytes.append(open)
        let outer = needsComma
        needsComma = false
        body(&self)
        needsComma = outer
        bytes.append(close)
    }

    /// What separates the next element from the one before.
    mutating func element() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
    }

    mutating func array<W: JSONWritable>(_ elements: [W]) {
        array { json in
            for e in elements {
                json.element()
                e.writeJSON(to: &json)
            }
        }
    }

    mutating func strings(_ elements: [String]) {
        array { json in
            for s in elements {
                json.element()
                json.string(s)
            }
        }
    }

    /// `[String: Bool]` as Foundation writes it: the keys as they are (no snake_case), sorted
    /// by their UTF-8 bytes.
    mutating func object(_ dictionary: [String: Bool]) {
        let sorted = dictionary.sorted { JSONObjectNode.precedes($0.key, $1.key) }
        object { json in
            for (key, value) in sorted {
                if json.needsComma { json.bytes.append(UInt8(ascii: ",")) }
                json.needsComma = true
                json.string(key)
                json.bytes.append(UInt8(ascii: ":"))
                json.bool(value)
            }
        }
    }

    mutating func write<W: JSONWritable>(_ value: W) { value.writeJSON(to: &self) }

    mutating func write<W: JSONWritable>(_ value: W?) {
        if let value { value.writeJSON(to: &self) } else { null() }
    }
}

/// The members of an object type in the order `.sortedKeys` writes them, each with its key as
/// JSON text (snake_case as `JSONSnakeCaseKeys` converts the Swift name, quoted): computed once
/// per type, so writing a record sorts nothing.
struct JSONObjectKeys<Member: Sendable>: Sendable {
    let members: [(member: Member, key: [UInt8])]

    /// `name` is the member's coding-key name before the snake_case conversion.
    init(_ members: [Member], name: (Member) -> String) {
        let named = members.map { (member: $0, key: JSONSnakeCaseKeys.convert(name($0))) }
        self.members = named.sorted { JSONObjectNode.precedes($0.key, $1.key) }.map { entry in
            var quoted: [UInt8] = []
            JSONScalarText.appendString(entry.key, to: &quoted)
            return (entry.member, quoted)
        }
    }
}
