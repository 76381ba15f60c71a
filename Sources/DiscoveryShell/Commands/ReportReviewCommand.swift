import DiscoveryCore
import DiscoveryExport
import Foundation

/// What `report review --format` writes.
enum ReviewFormat: String, FixedListValue {
    case text, json, html

    static let valueName = "format"
    static let listName = "Formats"
    static var unknownKind: DiscoveryError.Kind { .usage }
}

extension Command {
    static let reportReview = Command(CommandSpec(
        ["report", "review"],
        usage: "report review [--from DATE] [--to DATE] [--by \(ReviewDimension.words.joined(separator: "|"))] [--format \(ReviewFormat.words.joined(separator: "|"))] [--json] [--out FILE] [--force]",
        summary: "The monthly MQL review: volume against capacity, acceptance, rejection reasons, conversion, speed, cohorts and findings",
        example: "report review --from 2026-01-01 --by source",
        group: .output, arguments: 0...0,
        options: [OptionSpec("--from", "DATE"), OptionSpec("--to", "DATE"),
                  OptionSpec("--by", "COHORT", completion: .values(ReviewDimension.self)),
                  OptionSpec("--format", "F", completion: .values(ReviewFormat.self)), .flag("--json"),
                  OptionSpec("--out", "FILE"), .flag("--force")]
    )) { inv, session in
        let request = try ReviewRequest(inv)
        let report = try session.review(period: request.period, by: request.by)
        guard report.overall.mqls > 0 else {
            // Nothing to review: say so, and write no file.
            session.print("No MQLs \(request.periodText).")
            return
        }
        try OutputTarget.write(inv, session: session) { sink in
            switch request.format {
            case .text:
                let chart = BarChart(unicode: session.drawsUnicode && inv.option("--out") == nil, width: session.width)
                try sink.write(ReviewRenderer(chart: chart).render(report, periodText: request.periodText))
            case .json:
                try sink.write(ReviewJSON.encode(report, period: request.period, asOf: session.now()))
            case .html:
                try sink.write(ReviewHTML.page(report, title: "MQL review \(request.periodText)", asOf: session.now()))
            }
        }
        if let path = inv.option("--out") { session.print("Wrote the review (\(report.overall.mqls) MQLs) to \(path)") }
    }
}

/// `report review`'s options, checked before anything is read or written.
struct ReviewRequest {
    var period: ReviewReport.Period
    var by: ReviewDimension?
    var format: ReviewFormat

    init(_ inv: Invocation) throws(DiscoveryError) {
        period = ReviewReport.Period(from: try inv.dayOption("--from"), to: try inv.dayOption("--to"))
        if let from = period.from, let to = period.to, from > to {
            throw .usage("--from \(Dates.day(from)) is after --to \(Dates.day(to)): give the earlier day first")
        }
        by = try inv.option("--by").map(ReviewDimension.parse)
        let named = try inv.option("--format").map(ReviewFormat.parse)
        if inv.flag("--json"), let named, named != .json {
            throw .usage("--json and --format \(named.rawValue) disagree: give one of them")
        }
        format = inv.flag("--json") ? .json : named ?? .text
    }

    /// `between 2026-01-01 and 2026-03-31`, `since 2026-01-01`, `up to 2026-03-31`, `in the book`.
    var periodText: String {
        switch (period.from.map(Dates.day), period.to.map(Dates.day)) {
        case let (from?, to?): return "between \(from) and \(to)"
        case let (from?, nil): return "since \(from)"
        case let (nil, to?): return "up to \(to)"
        case (nil, nil): return "in the book"
        }
    }
}

/// `report review --json`: `{"report": "review", "from": DAY|null, "to": DAY|null, "as_of": TIME, "review": {...}}`.
enum ReviewJSON {
    private struct Envelope: Encodable {
        var report = "review"
        var from: String?
        var to: String?
        var asOf: Date
        var review: ReviewReport

        func encode(to encoder: Encoder) throws {
            enum Key: String, CodingKey { case report, from, to, asOf, review }
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(report, forKey: .report)
            try c.encode(from, forKey: .from)
            try c.encode(to, forKey: .to)
            try c.encode(asOf, forKey: .asOf)
            try c.encode(review, forKey: .review)
        }
    }

    static func encode(_ report: ReviewReport, period: ReviewReport.Period, asOf: Date) -> String {
        JSONText.encode(Envelope(from: period.from.map(Dates.day), to: period.to.map(Dates.day), asOf: asOf, review: report)) + "\n"
    }
}
