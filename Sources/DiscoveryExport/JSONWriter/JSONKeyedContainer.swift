/// An object's container: each key converted to snake_case (`JSONSnakeCaseKeys`), a key set
/// twice keeping the last value, a nested container for a key already holding an object or
/// array adding to it (as in Foundation's encoder).
struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let encoder: JSONValueEncoder
    let object: JSONObjectNode
    /// The keys from the encoder's value to this (nested) container.
    let path: [CodingKey]

    var codingPath: [CodingKey] { encoder.codingPath + path }

    private var document: JSONDocument { encoder.document }

    private func name(_ key: Key) -> String { JSONSnakeCaseKeys.convert(key.stringValue) }

    private func set(_ value: JSONTreeValue, _ key: Key) { object.set(value, for: name(key)) }

    mutating func encodeNil(forKey key: Key) throws { set(document.null(), key) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { set(document.bool(value), key) }
    mutating func encode(_ value: String, forKey key: Key) throws { set(document.string(value), key) }
    mutating func encode(_ value: Double, forKey key: Key) throws { set(try document.number(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Float, forKey key: Key) throws { set(try document.number(value, at: codingPath + [key]), key) }
    mutating func encode(_ value: Int, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: Int8, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: Int16, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: Int32, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: Int64, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: UInt, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: UInt8, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: UInt16, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: UInt32, forKey key: Key) throws { set(document.integer(value), key) }
    mutating func encode(_ value: UInt64, forKey key: Key) throws { set(document.integer(value), key) }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        set(try document.member(value, in: encoder, path: path, step: .key(key)), key)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested: JSONObjectNode
        switch object.value(for: name(key)) {
        case .object(let existing): nested = existing
        case nil:
            nested = JSONObjectNode()
            set(.object(nested), key)
        default:
            document.fail("A keyed container was asked for a key already holding another kind of value.", at: codingPath + [key])
            nested = JSONObjectNode()
        }
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: encoder, object: nested, path: path + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested: JSONArrayNode
        switch object.value(for: name(key)) {
        case .array(let existing): nested = existing
        case nil:
            nested = JSONArrayNode()
            set(.array(nested), key)
        default:
            document.fail("An unkeyed container was asked for a key already holding another kind of value.", at: codingPath + [key])
            nested = JSONArrayNode()
        }
        return JSONUnkeyedContainer(encoder: encoder, array: nested, path: path + [key])
    }

    mutating func superEncoder() -> Encoder {
        superEncoder(named: JSONAnyKey(stringValue: "super"))
    }

    mutating func superEncoder(forKey key: Key) -> Encoder {
        superEncoder(named: key)
    }

    private func superEncoder(named key: some CodingKey) -> Encoder {
        let sub = JSONValueEncoder(document: document, parent: encoder, path: path, step: .key(key))
        sub.writeBack = .member(object, JSONSnakeCaseKeys.convert(key.stringValue))
        return sub
    }
}
