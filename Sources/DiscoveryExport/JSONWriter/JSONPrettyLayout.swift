/// Lays compact JSON (`JSONCompactText`: no whitespace outside strings) out as Foundation's
/// `.prettyPrinted` does (`JSONTreeWriter`'s pretty form): each member or element on its own
/// line indented two spaces a level, `" : "` between key and value, and an empty object or
/// array as its bracket, an empty line, and the closing bracket at the container's indent.
enum JSONPrettyLayout {
    static func pretty(_ compact: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(compact.count * 2)
        append(compact, depth: 0, to: &out)
        return out
    }

    /// Appends the layout of one compact value as it reads `depth` levels in (an element of an
    /// array inside an object is at depth 2): its first bracket where the caller stands, its
    /// members at `depth + 1`, its closing bracket at `depth`.
    static func append(_ compact: [UInt8], depth start: Int, to out: inout [UInt8]) {
        var depth = start
        var inString = false
        var i = 0
        func indent(_ level: Int) { out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level)) }
        while i < compact.count {
            let c = compact[i]
            if inString {
                out.append(c)
                if c == UInt8(ascii: "\\"), i + 1 < compact.count {
                    i += 1
                    out.append(compact[i])
                } else if c == UInt8(ascii: "\"") {
                    inString = false
                }
                i += 1
                continue
            }
            switch c {
            case UInt8(ascii: "\""):
                inString = true
                out.append(c)
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                out.append(c)
                out.append(UInt8(ascii: "\n"))
                let close = c == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if i + 1 < compact.count, compact[i + 1] == close {
                    out.append(UInt8(ascii: "\n"))
                    indent(depth)
                    out.append(close)
                    i += 1
                } else {
                    depth += 1
                    indent(depth)
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                out.append(UInt8(ascii: "\n"))
                indent(depth)
                out.append(c)
            case UInt8(ascii: ","):
                out.append(c)
                out.append(UInt8(ascii: "\n"))
                indent(depth)
            case UInt8(ascii: ":"):
                out.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20])
            default:
                out.append(c)
            }
            i += 1
        }
    }
}
