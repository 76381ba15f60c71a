/// Seeded byte-level mutations (flip, insert, delete, duplicate, splice tokens that matter to
/// the parsers under test): the same seed always gives the same inputs, so a failure can be
/// replayed from its seed and iteration.
struct Mutator {
    private var state: UInt64
    let tokens: [[UInt8]]

    init(seed: UInt64, tokens: [String]) {
        state = seed
        self.tokens = tokens.map { Array($0.utf8) }
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { n <= 0 ? 0 : Int(next() % UInt64(n)) }

    /// One to four mutations of `input`, capped at `limit` bytes.
    mutating func mutate(_ input: [UInt8], limit: Int = 4096) -> [UInt8] {
        var b = input
        for _ in 0...below(4) {
            switch below(8) {
            case 0 where !b.isEmpty:
                let i = below(b.count)
                b[i] ^= UInt8(1 << below(8))
            case 1:
                b.insert(UInt8(truncatingIfNeeded: next()), at: below(b.count + 1))
            case 2 where !b.isEmpty:
                let i = below(b.count)
                b.removeSubrange(i..<min(b.count, i + 1 + below(16)))
            case 3 where !b.isEmpty:
                let i = below(b.count)
                let piece = b[i..<min(b.count, i + 1 + below(32))]
                b.insert(contentsOf: piece, at: below(b.count + 1))
            case 4, 5:
                b.insert(contentsOf: tokens[below(tokens.count)], at: below(b.count + 1))
            case 6 where !b.isEmpty:
                let i = below(b.count)
                b[i] = [0, 0x0A, 0x0D, 0x09, 0x22, 0x27, 0x5C, 0xFF, 0xC3, 0x80, 0x20][below(11)]
            default:
                let count = below(3) + 1
                b.append(contentsOf: (0..<count).map { _ in UInt8(truncatingIfNeeded: next()) })
            }
        }
        return b.count > limit ? Array(b.prefix(limit)) : b
    }
}
