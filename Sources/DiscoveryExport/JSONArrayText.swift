import Foundation

/// A pretty JSON array written one element at a time: the same text, byte for byte, as
/// `JSONText.encode` of the whole array followed by a newline, without holding the array
/// (`lead list --json` over a whole book).
public struct JSONArrayText {
    private let encoder = JSONText.encoder(pretty: true)
    private var count = 0

    public init() {}

    /// The text of the next element, with what separates it from the one before.
    public mutating func element<T: Encodable>(_ value: T) -> String {
        defer { count += 1 }
        // An element is laid out one level in, as inside the whole array.
        let bytes = (try? encoder.encode(value, depth: 1)) ?? Array("null".utf8)
        return (count == 0 ? "[\n  " : ",\n  ") + String(decoding: bytes, as: UTF8.self)
    }

    /// What closes the array, with the final newline. An empty array is written as the
    /// encoders lay it out (`JSONArrayTextTests` holds it to them), without starting one.
    public func end() -> String {
        count == 0 ? "[\n\n]\n" : "\n]\n"
    }
}
