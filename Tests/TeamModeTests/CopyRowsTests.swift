import DiscoveryCore
@testable import DiscoveryPostgres
import Foundation
import PostgresTestSupport
import Testing

/// COPY's text format (`CopyRows`): the escapes, NULL against the empty string, times; and the
/// same values through a real `COPY FROM STDIN` (`BlockingConnection.copy`) and back.
struct CopyRowsTests {
    static let escapes: [(value: String?, field: String)] = [
        (nil, "\\N"),
        ("", ""),
        ("plain", "plain"),
        ("back\\slash", "back\\\\slash"),
        ("\\N", "\\\\N"),
        ("\\.", "\\\\."),
        ("tab\there", "tab\\there"),
        ("line\nfeed", "line\\nfeed"),
        ("carriage\rreturn", "carriage\\rreturn"),
        ("\r\n", "\\r\\n"),
        ("bell\u{07} unit\u{1F} escape\u{1B} delete\u{7F}", "bell\u{07} unit\u{1F} escape\u{1B} delete\u{7F}"),
        ("Zoë Ørsted 東京 🩺", "Zoë Ørsted 東京 🩺"),
        ("\"quoted\", comma", "\"quoted\", comma"),
    ]

    func line(_ build: (inout CopyRows) throws -> Void) rethrows -> String {
        var rows = CopyRows()
        try build(&rows)
        return String(decoding: rows.bytes, as: UTF8.self)
    }

    @Test func eachValueIsEscapedAsCopyReadsIt() {
        for (value, field) in Self.escapes {
            #expect(line { $0.text(value); $0.endRow() } == field + "\n", "\(String(describing: value))")
        }
    }

    @Test func fieldsAreTabSeparatedAndRowsEndInALineFeed() throws {
        let text = try line {
            try $0.row([.t("a"), .i(Int64(-7)), .t(nil), .i(Int64?.none), .t(""), .bool(true), .bool(false)])
            try $0.row([.t("b")])
        }
        #expect(text == "a\t-7\t\\N\t\\N\t\tt\tf\nb\n")
    }

    @Test func anArrayHasNoCopyForm() {
        var rows = CopyRows()
        #expect(throws: DiscoveryError.self) { try rows.row([.texts(["a"])]) }
    }

    @Test func timesAreTheMicrosecondTheDriverBinds() {
        let cases: [(Date, String)] = [
            (Date(timeIntervalSince1970: 946_684_800), "2000-01-01 00:00:00.000000+00"),
            (Date(timeIntervalSince1970: 1_796_119_200.125), "2026-12-01 10:00:00.125000+00"),
            // .123 is not exact in binary; the driver cuts it off below the microsecond, and so does COPY's text.
            (Date(timeIntervalSince1970: 1_796_119_200.123), "2026-12-01 10:00:00.122999+00"),
            (Date(timeIntervalSince1970: 951_782_400.000_001_9), "2000-02-29 00:00:00.000001+00"),
            (Date(timeIntervalSince1970: 946_684_799.5), "1999-12-31 23:59:59.500000+00"),
            (Date(timeIntervalSince1970: 0), "1970-01-01 00:00:00.000000+00"),
        ]
        for (date, text) in cases { #expect(CopyRows.timeText(date) == text) }
    }

    @Test(.enabled(if: clusterAvailable)) func theValuesComeBackFromTheServerAsTheyWent() throws {
        let db = try TeamDatabase(initialised: false)
        let store = try PostgresStore.connect(try TestCluster.location(database: db.name))
        let times = [Date(timeIntervalSince1970: 1_796_119_200.123), Date(timeIntervalSince1970: 946_684_799.5)]
        let back: [String?] = try store.administer { s in
            try s.exec("CREATE TABLE copied (n bigint, v text, at timestamptz)")
            var rows = CopyRows()
            for (n, e) in Self.escapes.enumerated() {
                try rows.row([.i(Int64(n)), .t(e.value), .date(times[n % 2])])
            }
            try s.copy(into: "copied", columns: ["n", "v", "at"], rows: rows)
            // The driver's own binding of the same times, beside them.
            let bound = try s.rows("SELECT count(*) AS same FROM copied WHERE at = CASE WHEN n % 2 = 0 THEN $1 ELSE $2 END",
                                   .date(times[0]), .date(times[1]))
            #expect(try bound.first?.int64("same") == Int64(Self.escapes.count))
            return try s.rows("SELECT v FROM copied ORDER BY n").map { try $0.text("v") }
        }
        #expect(back == Self.escapes.map(\.value))
    }

    @Test(.enabled(if: clusterAvailable)) func aCopyTheServerRefusesPartWayWritesNothing() throws {
        let db = try TeamDatabase(initialised: false)
        let store = try PostgresStore.connect(try TestCluster.location(database: db.name))
        try store.administer { s in _ = try s.exec("CREATE TABLE copied (n bigint PRIMARY KEY, v text)") }
        var rows = CopyRows()
        for n in 1...2_000 { try rows.row([.i(Int64(n == 1_500 ? 3 : n)), .t("row \(n)")]) }
        #expect(throws: (any Error).self) {
            try store.administer { s in try s.copy(into: "copied", columns: ["n", "v"], rows: rows) }
        }
        // The connection is usable after the refusal, and the table is as it was.
        #expect(try store.administer { s in try s.rows("SELECT count(*) AS n FROM copied").first?.int64("n") } == 0)
    }
}
