import DiscoveryCore
import Foundation

/// Encodable shapes that exercise the `Encoder` API's corners.

/// Every key of `keys`, in one object, valued by its place; some keys collide once converted.
struct KeysObject: Encodable {
    let keys: [String]

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: TestKey.self)
        for (i, key) in keys.enumerated() { try c.encode(i, forKey: TestKey(key)) }
    }
}

struct TestKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(_ s: String) { stringValue = s }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// One of every scalar type, optionals both ways, and empty and nested containers.
struct Everything: Encodable {
    var text = "a/b \"c\" \\ é 👩‍⚕️\n"
    var int = Int.min, int8 = Int8.min, int16 = Int16.max, int32 = Int32.min, int64 = Int64.max
    var uint = UInt.max, uint8 = UInt8.max, uint16 = UInt16.max, uint32 = UInt32.max, uint64 = UInt64.max
    var double = 0.1, negativeZero = -0.0, large = 1e21, small = 1e-7, whole = 2.0
    var float: Float = 0.1
    var isOn = true, isOff = false
    var date = Date(timeIntervalSince1970: 1_772_442_000.75)
    var absent: String? = nil
    var present: String? = "here"
    @NullEncoded var nullDate: Date? = nil
    @NullEncoded var someDate: Date? = Date(timeIntervalSince1970: 0)
    @NullEncoded var nullNested: Scores? = nil
    var emptyArray: [Int] = []
    var emptyStrings: [String] = []
    var emptyObject: [String: Int] = [:]
    var emptyStruct = Nothing()
    var nested: [[String: [Int]]] = [["b": [1, 2], "a": [], "camelKey": [3]], [:]]
    var arrays: [[[String]]] = [[[]], [["x"], []]]
    var optionals: [Int?] = [1, nil, 3]
    var dates: [String: Date] = ["createdAt": Date(timeIntervalSince1970: 86_400), "b": Date(timeIntervalSince1970: -1)]
    var intKeyed: [Int: String] = [2: "two", 10: "ten", -1: "minus one"]
    var url = URL(string: "https://example.com/a/b?c=d&e=%20")!
    var decimal = Decimal(string: "12345.6789")!
    var data = Data([0, 1, 2, 250, 255])
    var doubles: [Double] = [1, 0.5, -0.0, 1e300]
    var scores = Scores(fitScore: 1, intentScore: 2)
}

struct Scores: Encodable {
    var fitScore: Int
    var intentScore: Int
}

/// A type that encodes nothing: `{}` inside another value, an error at the top.
struct Nothing: Encodable {
    func encode(to encoder: Encoder) throws {}
}

/// Keys written through two containers and by a part into the same object, a key written
/// twice, two keys that convert to the same name, a nested container reopened.
struct MergedObject: Encodable {
    enum Key: String, CodingKey { case first, second, aB, a_b, shared, box, list, again }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode(1, forKey: .first)
        try c.encode("old", forKey: .again)
        try c.encode("new", forKey: .again)
        try c.encode("camel", forKey: .aB)
        try c.encode("snake", forKey: .a_b)
        try c.encode(Scores(fitScore: 1, intentScore: 2), forKey: .box)
        var box = c.nestedContainer(keyedBy: Key.self, forKey: .box)
        try box.encode(true, forKey: .second)
        var list = c.nestedUnkeyedContainer(forKey: .list)
        try list.encode(1)
        var again = c.nestedUnkeyedContainer(forKey: .list)
        try again.encode(2)
        var inner = again.nestedContainer(keyedBy: Key.self)
        try inner.encodeNil(forKey: .shared)
        var innerList = again.nestedUnkeyedContainer()
        try innerList.encode("deep")
        try Scores(fitScore: 3, intentScore: 4).encode(to: encoder)
        var d = encoder.container(keyedBy: Key.self)
        try d.encode(2, forKey: .second)
    }
}

/// `superEncoder()` of both container kinds (none of our types uses it; the writer supports it).
struct SuperEncoded: Encodable {
    enum Key: String, CodingKey { case own, parentValue, list }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Key.self)
        try c.encode("mine", forKey: .own)
        try Scores(fitScore: 5, intentScore: 6).encode(to: c.superEncoder())
        try "named".encode(to: c.superEncoder(forKey: .parentValue))
        var list = c.nestedUnkeyedContainer(forKey: .list)
        try list.encode(1)
        let sup = list.superEncoder()
        try list.encode(2)
        try 99.encode(to: sup)
    }
}

/// A value encoded through a single-value container, then added to through a keyed one.
struct SingleThenKeyed: Encodable {
    enum Key: String, CodingKey { case extraField }

    func encode(to encoder: Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(Scores(fitScore: 7, intentScore: 8))
        var c = encoder.container(keyedBy: Key.self)
        try c.encode("added", forKey: .extraField)
    }
}

/// Arrays nested `depth` deep (Foundation refuses 512 and more).
struct Deep: Encodable {
    let depth: Int

    func encode(to encoder: Encoder) throws {
        var c = encoder.unkeyedContainer()
        for _ in 1..<max(depth, 1) { c = c.nestedUnkeyedContainer() }
    }
}
