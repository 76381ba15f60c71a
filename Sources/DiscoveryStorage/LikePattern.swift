/// `LIKE` / `ILIKE` patterns for text a person typed, with `ESCAPE '\'`: `%`, `_` and `\` in
/// the text match themselves. The same for both backends' searches.
public enum LikePattern {
    public static func escaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }

    /// Text that starts with `prefix`.
    public static func prefix(_ prefix: String) -> String { escaped(prefix) + "%" }
    /// Text that contains `text`.
    public static func contains(_ text: String) -> String { "%" + escaped(text) + "%" }
}
