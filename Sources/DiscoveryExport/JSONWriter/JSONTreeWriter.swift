/// Writes an encoded tree out as Foundation's `JSONWriter` lays it out. Compact: no whitespace,
/// `:` and `,`. Pretty: each member or element on its own line indented two spaces a level,
/// `" : "` between key and value, and an empty object or array as `{`, an empty line, and `}`
/// at the container's indent (`[\n\n  ]`), as Foundation writes them.
struct JSONTreeWriter {
    /// Foundation refuses structures nested this deep.
    static let maximumDepth = 512

    let scratch: [UInt8]
    let pretty: Bool
    var bytes: [UInt8] = []

    init(scratch: [UInt8], pretty: Bool) {
        self.scratch = scratch
        self.pretty = pretty
        bytes.reserveCapacity(scratch.count + scratch.count / 2 + 64)
    }

    /// `depth` is the indent level of the value's own line (0 for a document, 1 for an element
    /// of a top-level array written one element at a time).
    mutating func write(_ value: JSONTreeValue, depth: Int) throws {
        switch value {
        case .text(let start, let end):
            bytes.append(contentsOf: scratch[start..<end])
        case .object(let object):
            try open(UInt8(ascii: "{"), depth: depth)
            for (n, i) in object.sortedPositions().enumerated() {
                separate(first: n == 0, depth: depth)
                JSONScalarText.appendString(object.members[i].key, to: &bytes)
                if pretty { bytes.append(contentsOf: [0x20, UInt8(ascii: ":"), 0x20]) } else { bytes.append(UInt8(ascii: ":")) }
                try write(object.members[i].value, depth: depth + 1)
            }
            close(UInt8(ascii: "}"), depth: depth)
        case .array(let array):
            try open(UInt8(ascii: "["), depth: depth)
            for (n, element) in array.elements.enumerated() {
                separate(first: n == 0, depth: depth)
                try write(element, depth: depth + 1)
            }
            close(UInt8(ascii: "]"), depth: depth)
        }
    }

    private mutating func open(_ bracket: UInt8, depth: Int) throws {
        guard depth + 1 < Self.maximumDepth else {
            throw EncodingError.invalidValue(depth, .init(codingPath: [], debugDescription: "Too many nested arrays or dictionaries."))
        }
        bytes.append(bracket)
        if pretty { bytes.append(UInt8(ascii: "\n")) }
    }

    private mutating func separate(first: Bool, depth: Int) {
        if !first {
            bytes.append(UInt8(ascii: ","))
            if pretty { bytes.append(UInt8(ascii: "\n")) }
        }
        indent(depth + 1)
    }

    private mutating func close(_ bracket: UInt8, depth: Int) {
        if pretty {
            bytes.append(UInt8(ascii: "\n"))
            indent(depth)
        }
        bytes.append(bracket)
    }

    private mutating func indent(_ level: Int) {
        guard pretty else { return }
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }
}
