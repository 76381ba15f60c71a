import DiscoveryCore
import Foundation

/// A `DueItem` as the bytes of the due list's scratch file (`DueListMergeSort`), and back:
/// every field exactly (dates to the bit, the owner or its absence, any text).
///
/// A record is its length, then the lead id, `since` and `due` (8 bytes each, little-endian;
/// a date as the bits of its `timeIntervalSinceReferenceDate`), the kind, the state and
/// whether there is an owner (a byte each), then the organisation, what is due and the owner
/// (each its UTF-8 length and bytes). Lengths are LEB128 (a byte below 128).
enum DueItemRecord {
    /// Appends `item`'s record to `bytes`.
    static func append(_ item: DueItem, to bytes: inout [UInt8]) {
        let org = item.org.utf8.count, what = item.what.utf8.count, owner = item.owner?.utf8.count ?? 0
        let body = 27 + varintSize(org) + org + varintSize(what) + what + (item.owner == nil ? 0 : varintSize(owner) + owner)
        appendVarint(body, to: &bytes)
        appendWord(UInt64(bitPattern: item.leadId), to: &bytes)
        appendWord(item.since.timeIntervalSinceReferenceDate.bitPattern, to: &bytes)
        appendWord(item.due.timeIntervalSinceReferenceDate.bitPattern, to: &bytes)
        bytes.append(UInt8(DueItem.Kind.allCases.firstIndex(of: item.kind)!))
        bytes.append(UInt8(SLAState.allCases.firstIndex(of: item.state)!))
        bytes.append(item.owner == nil ? 0 : 1)
        appendText(item.org, to: &bytes)
        appendText(item.what, to: &bytes)
        if let text = item.owner { appendText(text, to: &bytes) }
    }

    /// Where the record that starts at `start` of `bytes` ends, when its length is all there
    /// (its body may not be yet); `nil` when even the length is cut off.
    static func end(ofRecordAt start: Int, in bytes: UnsafeRawBufferPointer) -> Int? {
        var at = start
        guard let body = readVarint(bytes, at: &at) else { return nil }
        return at + body
    }

    /// The item of the whole record at `start..<end` of `bytes`; `nil` when the bytes are not
    /// a record (the scratch file was damaged).
    static func item(at start: Int, end: Int, in bytes: UnsafeRawBufferPointer) -> DueItem? {
        var at = start
        guard readVarint(bytes, at: &at) != nil, end - at >= 27 else { return nil }
        let leadId = Int64(bitPattern: word(bytes, at))
        let since = Date(timeIntervalSinceReferenceDate: Double(bitPattern: word(bytes, at + 8)))
        let due = Date(timeIntervalSinceReferenceDate: Double(bitPattern: word(bytes, at + 16)))
        let kind = Int(bytes[at + 24]), state = Int(bytes[at + 25]), hasOwner = bytes[at + 26]
        guard kind < DueItem.Kind.allCases.count, state < SLAState.allCases.count, hasOwner <= 1 else { return nil }
        at += 27
        guard let org = readText(bytes, at: &at, end: end), let what = readText(bytes, at: &at, end: end) else { return nil }
        var owner: String?
        if hasOwner == 1 {
            guard let text = readText(bytes, at: &at, end: end) else { return nil }
            owner = text
        }
        guard at == end else { return nil }
        return DueItem(leadId: leadId, org: org, owner: owner, kind: DueItem.Kind.allCases[kind], what: what,
                       since: since, due: due, state: SLAState.allCases[state])
    }

    private static func appendWord(_ value: UInt64, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private static func word(_ bytes: UnsafeRawBufferPointer, _ at: Int) -> UInt64 {
        UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: at, as: UInt64.self))
    }

    private static func appendText(_ text: String, to bytes: inout [UInt8]) {
        appendVarint(text.utf8.count, to: &bytes)
        bytes.append(contentsOf: text.utf8)
    }

    private static func readText(_ bytes: UnsafeRawBufferPointer, at: inout Int, end: Int) -> String? {
        guard let count = readVarint(bytes, at: &at), count <= end - at else { return nil }
        // Written from a `String`, so valid UTF-8: decoded as it was.
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[at..<(at + count)]), as: UTF8.self)
        at += count
        return text
    }

    private static func varintSize(_ value: Int) -> Int {
        var size = 1, rest = UInt(value) >> 7
        while rest > 0 { size += 1; rest >>= 7 }
        return size
    }

    private static func appendVarint(_ value: Int, to bytes: inout [UInt8]) {
        var rest = UInt(value)
        while rest >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: rest) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
    }

    /// The LEB128 number at `at` (moved past it); `nil` when cut off by the end of `bytes`
    /// or longer than a length can be.
    private static func readVarint(_ bytes: UnsafeRawBufferPointer, at: inout Int) -> Int? {
        var value: UInt = 0, shift: UInt = 0, i = at
        while i < bytes.count {
            let byte = bytes[i]
            i += 1
            value |= UInt(byte & 0x7F) << shift
            if byte < 0x80 {
                at = i
                return value <= UInt(Int.max) ? Int(value) : nil
            }
            shift += 7
            if shift > 63 { return nil }
        }
        return nil
    }
}
