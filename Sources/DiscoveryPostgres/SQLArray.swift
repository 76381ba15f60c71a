/// A column of values bound as one array (`unnest($n::text[])`): a multi-row write of thousands
/// of rows is then a statement of a few parameters, not of tens of thousands (PostgreSQL parses
/// and binds each of those). The value is PostgreSQL's array literal, bound as text and cast:
/// every element double-quoted with `\` and `"` escaped, a missing one `NULL`.
enum SQLArray {
    static func text(_ values: some Sequence<String?>) -> SQLValue {
        var literal = "{"
        for (i, value) in values.enumerated() {
            if i > 0 { literal += "," }
            guard let value else { literal += "NULL"; continue }
            literal += "\""
            for c in value.unicodeScalars {
                if c == "\\" || c == "\"" { literal += "\\" }
                literal.unicodeScalars.append(c)
            }
            literal += "\""
        }
        return .t(literal + "}")
    }

    static func int(_ values: some Sequence<Int64?>) -> SQLValue {
        .t("{" + values.map { $0.map(String.init) ?? "NULL" }.joined(separator: ",") + "}")
    }
}
