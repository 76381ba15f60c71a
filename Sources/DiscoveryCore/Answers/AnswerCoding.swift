import Foundation

/// How an answer value is written down in the records and in the audit log (`old` / `new` of
/// a `revise` entry, which `undo` reads back): JSON, so every type round-trips exactly.
public enum AnswerCoding {
    public static func encode(_ value: AnswerValue?) -> String? {
        guard let value else { return nil }
        let data = try! JSONEncoder().encode(value)   // encoding an enum of plain values cannot fail
        return String(decoding: data, as: UTF8.self)
    }

    /// The value `text` holds; `nil` for no text. Text that is not an answer value is an error:
    /// a stored answer is never dropped in silence.
    public static func decode(_ text: String?) throws(AnswerCodingError) -> AnswerValue? {
        guard let text else { return nil }
        if let value = AnswerJSONReader.read(text) { return value }
        return try decodeByJSONDecoder(text)
    }

    /// The same for the bytes of stored text, read in place (the whole-book read's way).
    public static func decode(bytes: UnsafeBufferPointer<UInt8>) throws(AnswerCodingError) -> AnswerValue {
        if let value = AnswerJSONReader.read(bytes: bytes) { return value }
        return try decodeByJSONDecoder(String(decoding: bytes, as: UTF8.self))
    }

    private static func decodeByJSONDecoder(_ text: String) throws(AnswerCodingError) -> AnswerValue {
        do {
            return try JSONDecoder().decode(AnswerValue.self, from: Data(text.utf8))
        } catch {
            throw AnswerCodingError()
        }
    }
}

/// Stored text that is not an answer value (the caller names where it was read).
public struct AnswerCodingError: Error, Sendable {}
