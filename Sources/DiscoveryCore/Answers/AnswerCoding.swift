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
        do {
            return try JSONDecoder().decode(AnswerValue.self, from: Data(text.utf8))
        } catch {
            throw AnswerCodingError()
        }
    }
}

/// Stored text that is not an answer value (the caller names where it was read).
public struct AnswerCodingError: Error, Sendable {}
