import Foundation

/// The decay rule of the lead-scoring model: 90 days without activity cost intent points for
/// every full month (30 days) past the first 90 days.
///
/// The points per month are those of the `inactive-90-days` signal in `signals.yaml` (−10 when
/// the catalog has none). The engine derives the months itself; months already logged by hand as
/// `inactive-90-days` signals count as signals and are not counted twice. Activity is the newest
/// of: the lead's creation, a call, an answer, or a signal that adds points (an unsubscribe or a
/// logged inactivity is not activity).
public enum Inactivity {
    public static let signalKind = "inactive-90-days"
    public static let graceDays = 90
    public static let daysPerMonth = 30
    public static let defaultPointsPerMonth = -10

    /// The newest activity on the record.
    public static func lastActivity(_ record: QualificationRecord, catalog: Catalog) -> Date {
        var last = record.lead.createdAt
        for s in record.signals where s.at > last {
            if let def = catalog.signal(s.kind), def.score.fit + def.score.intent + def.score.readiness > 0 { last = s.at }
        }
        for c in record.calls where c.at > last { last = c.at }
        if let a = record.lastAnswerAt, a > last { last = a }
        return last
    }

    /// What the rule reads of a record: its newest activity and the months already logged by
    /// hand (counted only when the catalog knows the `inactive-90-days` signal).
    public struct Inputs: Sendable, Equatable {
        public var since: Date
        public var logged: Int

        public init(since: Date, logged: Int) {
            self.since = since
            self.logged = logged
        }
    }

    public static func inputs(_ record: QualificationRecord, catalog: Catalog) -> Inputs {
        let logged = catalog.signal(signalKind) == nil ? 0 : record.signals.filter { $0.kind == signalKind }.count
        return Inputs(since: lastActivity(record, catalog: catalog), logged: logged)
    }

    /// The intent line the rule adds, if any.
    static func line(_ record: QualificationRecord, catalog: Catalog, now: Date) -> ScoreLine? {
        line(inputs(record, catalog: catalog), catalog: catalog, now: now)
    }

    /// The intent line the rule adds to a record with these inputs at `now`, if any: the one
    /// part of a scoring that moves with the clock (`VerdictBasis`).
    static func line(_ inputs: Inputs, catalog: Catalog, now: Date) -> ScoreLine? {
        let days = Int((now.timeIntervalSince(inputs.since) / 86_400).rounded(.down))
        guard days > graceDays else { return nil }
        let months = (days - graceDays) / daysPerMonth
        let perMonth = catalog.signal(signalKind)?.score.intent ?? defaultPointsPerMonth
        guard months > inputs.logged, perMonth != 0 else { return nil }
        return ScoreLine(kind: .intent, points: (months - inputs.logged) * perMonth,
                         source: .inactivity(since: inputs.since, days: days, months: months, logged: inputs.logged))
    }
}
