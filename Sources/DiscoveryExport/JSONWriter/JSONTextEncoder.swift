/// Our JSON writer: an `Encoder` of its own whose output is byte for byte what Foundation's
/// `JSONEncoder` writes with `JSONText`'s settings (`.sortedKeys`, `.withoutEscapingSlashes`,
/// `.convertToSnakeCase`, `.iso8601`, pretty or compact), without its generic boxing: a value
/// encodes to a small tree (`JSONTreeValue`) whose scalars are already text, then the tree is
/// written out with sorted keys (`JSONTreeWriter`). `JSONTextEncoderTests` holds it to
/// Foundation's bytes.
public struct JSONTextEncoder: Sendable {
    public let pretty: Bool

    public init(pretty: Bool) {
        self.pretty = pretty
    }

    /// The UTF-8 bytes of `value`; throws where Foundation throws (a value that encodes nothing
    /// at the top, NaN or an infinity, nesting deeper than 512) and on a misuse of the `Encoder`
    /// API that Foundation would trap on.
    public func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        try encode(value, depth: 0)
    }

    /// The same, laid out as a value `depth` levels in (its inner lines indented that much more).
    func encode<T: Encodable>(_ value: T, depth: Int) throws -> [UInt8] {
        let document = JSONDocument()
        defer { document.finish() }
        guard let tree = try document.tree(of: value, in: nil, path: [], step: nil) else {
            throw EncodingError.invalidValue(String(describing: T.self), .init(codingPath: [], debugDescription: "Top-level \(T.self) did not encode any values."))
        }
        if let failure = document.failure { throw failure }
        var writer = JSONTreeWriter(scratch: document.scratch, pretty: pretty)
        try writer.write(tree, depth: depth)
        return writer.bytes
    }
}
