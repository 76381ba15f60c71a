/// An array's container: elements in the order encoded; `superEncoder()` inserts its value at
/// the place it was asked for, once released (as in Foundation's encoder).
struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let encoder: JSONValueEncoder
    let array: JSONArrayNode
    /// The keys from the encoder's value to this (nested) container.
    let path: [CodingKey]

    var codingPath: [CodingKey] { encoder.codingPath + path }

    var count: Int { array.count }

    private var document: JSONDocument { encoder.document }

    private var here: [CodingKey] { codingPath + [JSONAnyKey(index: count)] }

    mutating func encodeNil() throws { array.append(document.null()) }
    mutating func encode(_ value: Bool) throws { array.append(document.bool(value)) }
    mutating func encode(_ value: String) throws { array.append(document.string(value)) }
    mutating func encode(_ value: Double) throws { array.append(try document.number(value, at: here)) }
    mutating func encode(_ value: Float) throws { array.append(try document.number(value, at: here)) }
    mutating func encode(_ value: Int) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: Int8) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: Int16) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: Int32) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: Int64) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: UInt) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: UInt8) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: UInt16) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: UInt32) throws { array.append(document.integer(value)) }
    mutating func encode(_ value: UInt64) throws { array.append(document.integer(value)) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        array.append(try document.member(value, in: encoder, path: path, step: .index(count)))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectNode()
        let key = JSONAnyKey(index: count)
        array.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(encoder: encoder, object: nested, path: path + [key]))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONArrayNode()
        let key = JSONAnyKey(index: count)
        array.append(.array(nested))
        return JSONUnkeyedContainer(encoder: encoder, array: nested, path: path + [key])
    }

    mutating func superEncoder() -> Encoder {
        let sub = JSONValueEncoder(document: document, parent: encoder, path: path, step: .index(count))
        sub.writeBack = .element(array, count)
        return sub
    }
}
