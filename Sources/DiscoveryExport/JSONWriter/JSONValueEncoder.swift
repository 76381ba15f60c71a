/// The `Encoder` of one value: what the value writes through a keyed, unkeyed or single-value
/// container becomes its `JSONTreeValue`. Asking again for a keyed (or unkeyed) container
/// returns the same object (array), as Foundation's encoder does, so a type can write its
/// members and then let a part write more beside them (`try verdict.encode(to: encoder)`).
final class JSONValueEncoder: Encoder {
    let document: JSONDocument
    private(set) var parent: JSONValueEncoder?
    /// The keys from the parent's value to the container this value sits in (nested containers).
    private(set) var path: [CodingKey]
    private(set) var step: JSONPathStep?
    private(set) var value: JSONTreeValue?
    /// For `superEncoder()`: where the value goes when this encoder is released.
    var writeBack: JSONWriteBack?

    init(document: JSONDocument, parent: JSONValueEncoder?, path: [CodingKey], step: JSONPathStep?) {
        self.document = document
        self.parent = parent
        self.path = path
        self.step = step
    }

    deinit {
        writeBack?.write(takeValue() ?? .object(JSONObjectNode()))
    }

    func reset(parent: JSONValueEncoder?, path: [CodingKey], step: JSONPathStep?) {
        self.parent = parent
        self.path = path
        self.step = step
        value = nil
    }

    func takeValue() -> JSONTreeValue? {
        defer { value = nil }
        return value
    }

    var codingPath: [CodingKey] { JSONDocument.path(parent, path, step) }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object: JSONObjectNode
        switch value {
        case .object(let existing): object = existing
        case nil:
            object = JSONObjectNode()
            value = .object(object)
        default:
            document.fail("A keyed container was asked for where another kind of value was already encoded.", at: codingPath)
            object = JSONObjectNode()
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(encoder: self, object: object, path: []))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let array: JSONArrayNode
        switch value {
        case .array(let existing): array = existing
        case nil:
            array = JSONArrayNode()
            value = .array(array)
        default:
            document.fail("An unkeyed container was asked for where another kind of value was already encoded.", at: codingPath)
            array = JSONArrayNode()
        }
        return JSONUnkeyedContainer(encoder: self, array: array, path: [])
    }

    func singleValueContainer() -> SingleValueEncodingContainer { self }
}

extension JSONValueEncoder: SingleValueEncodingContainer {
    /// As in Foundation: a second scalar is a misuse; an object or array already begun stays.
    private func set(_ new: JSONTreeValue) {
        switch value {
        case nil: value = new
        case .text: document.fail("A second value was encoded through a single-value container.", at: codingPath)
        case .object, .array: break
        }
    }

    func encodeNil() throws { set(document.null()) }
    func encode(_ value: Bool) throws { set(document.bool(value)) }
    func encode(_ value: String) throws { set(document.string(value)) }
    func encode(_ value: Double) throws { set(try document.number(value, at: codingPath)) }
    func encode(_ value: Float) throws { set(try document.number(value, at: codingPath)) }
    func encode(_ value: Int) throws { set(document.integer(value)) }
    func encode(_ value: Int8) throws { set(document.integer(value)) }
    func encode(_ value: Int16) throws { set(document.integer(value)) }
    func encode(_ value: Int32) throws { set(document.integer(value)) }
    func encode(_ value: Int64) throws { set(document.integer(value)) }
    func encode(_ value: UInt) throws { set(document.integer(value)) }
    func encode(_ value: UInt8) throws { set(document.integer(value)) }
    func encode(_ value: UInt16) throws { set(document.integer(value)) }
    func encode(_ value: UInt32) throws { set(document.integer(value)) }
    func encode(_ value: UInt64) throws { set(document.integer(value)) }

    /// As Foundation's encoder does: the value encodes into this encoder itself (a keyed
    /// container it asks for is this encoder's object); a value that encodes nothing is `{}`; a
    /// special value (`Date`, a scalar) does not replace an object or array already begun.
    func encode<T: Encodable>(_ value: T) throws {
        if case .text = self.value {
            document.fail("A second value was encoded through a single-value container.", at: codingPath)
            return
        }
        if let special = try document.special(value, in: parent, path: path, step: step) {
            if self.value == nil { self.value = special }
            return
        }
        try value.encode(to: self)
        if self.value == nil { self.value = .object(JSONObjectNode()) }
    }
}

/// Where a `superEncoder()`'s value is written when the encoder is released: a member of an
/// object or an element inserted into an array at the place it was asked for.
enum JSONWriteBack {
    case member(JSONObjectNode, String)
    case element(JSONArrayNode, Int)

    func write(_ value: JSONTreeValue) {
        switch self {
        case .member(let object, let key): object.set(value, for: key)
        case .element(let array, let index): array.insert(value, at: index)
        }
    }
}
