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
        // An element is its own pretty text one level in: every line indented by two spaces
        // (a newline inside a JSON string is always escaped, so each one is a line break).
        var bytes: [UInt8] = Array((count == 0 ? "[\n  " : ",\n  ").utf8)
        let data = (try? encoder.encode(value)) ?? Data("null".utf8)
        bytes.reserveCapacity(bytes.count + data.count + data.count / 8)
        for byte in data {
            bytes.append(byte)
            if byte == UInt8(ascii: "\n") { bytes.append(UInt8(ascii: " ")); bytes.append(UInt8(ascii: " ")) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// What closes the array, with the final newline.
    public func end() -> String {
        count == 0 ? JSONText.encode([Int](), with: encoder) + "\n" : "\n]\n"
    }
}
