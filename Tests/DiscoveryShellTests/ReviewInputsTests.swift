import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing
@testable import DiscoveryShell

/// `Session.forEachReviewInput` makes each MQL's input as the read hands it over with its moves
/// and rejections (nothing of the book is kept but the fit bands of the period's MQLs): the
/// same inputs as made from every MQL, move and rejection collected first (`mqlsWithLeads`), the
/// period filtered on both ends, for every cohort dimension, on the fixture book.
@Suite struct ReviewInputsTests {
    /// The inputs as `report review` made them before: every MQL since the period's start
    /// collected, those in the period kept, then each made with its moves, rejections and band.
    static func reference(_ t: CallShell, period: ReviewReport.Period, by: ReviewDimension?) throws -> [ReviewInput] {
        let candidates = try t.store.mqlsWithLeads(mqlSince: period.from).filter { $0.lead.mqlAt.map(period.contains) ?? false }
        let moves = Dictionary(grouping: try t.store.stageMoves(since: period.from), by: \.leadId)
        let rejections = Dictionary(grouping: try t.store.rejections(since: period.from), by: \.leadId)
        var fitBands: [Int64: String] = [:]
        if by == .fitBand {
            let catalog = try t.session.catalog
            try t.store.forEachQualificationRecord(createdSince: nil, contacts: false) { record in
                guard catalog.profile(record.lead.profile) != nil else { return }
                fitBands[record.lead.id] = try t.session.qualification(of: record, rankingQuestions: false).verdict.band(.fit)?.rawValue
            }
        }
        return candidates.compactMap { c in
            ReviewInput.make(c.lead, c.candidate, moves: moves[c.lead.id] ?? [], rejections: rejections[c.lead.id] ?? [],
                             fitBand: fitBands[c.lead.id])
        }
    }

    /// The inputs `report review` folds, collected.
    static func inputs(_ t: CallShell, period: ReviewReport.Period, by: ReviewDimension?) throws -> [ReviewInput] {
        var inputs: [ReviewInput] = []
        try t.session.forEachReviewInput(period: period, by: by) { inputs.append($0) }
        return inputs
    }

    static func day(_ text: String) -> Date { Dates.parseISO(text + "T00:00:00Z") ?? Date(timeIntervalSince1970: 0) }

    /// All MQLs; from a day (L1, L2, L4); to a day (the 24th's four and L1); both; none.
    static let periods: [(ReviewReport.Period, Int)] = [
        (.init(), 7), (.init(from: day("2026-02-25")), 3), (.init(to: day("2026-02-26")), 5),
        (.init(from: day("2026-02-25"), to: day("2026-02-27")), 2), (.init(from: day("2025-01-01"), to: day("2025-12-31")), 0),
    ]

    /// `ReviewCommandTests`' catalog with fit bands: the fixture's leads (fit 0, with the
    /// owners' answers none) get the band `mid`, so the fit-band cohort is set.
    static let catalog: Catalog = {
        let base = ReviewCommandTests.catalog
        let profiles = base.profiles.map { profile -> Profile in
            var profile = profile
            profile.bands[.fit] = Band(mid: -10, high: 50)
            return profile
        }
        return Catalog(sets: base.sets, profiles: profiles, signals: base.signals, routing: base.routing)
    }()

    @Test(arguments: [nil] + ReviewDimension.allCases.map(Optional.some))
    func theInputsAreThoseMadeFromEveryMQLCollected(_ by: ReviewDimension?) throws {
        let t = try PipelineFixture.build(catalog: Self.catalog)
        t.at("2026-02-28T10:00:00Z", "reject L2 --reason wrong-org-type")
        t.clock.set("2026-03-02T09:00:00Z")
        if by == .fitBand {
            let bands = try Self.inputs(t, period: .init(), by: by).map { $0.cohorts[.fitBand] }
            #expect(bands.count == 7 && bands.allSatisfy { $0 == "mid" }, "\(bands)")
        }
        for (period, count) in Self.periods {
            let inputs = try Self.inputs(t, period: period, by: by)
            #expect(inputs.count == count, "\(period)")
            #expect(inputs == (try Self.reference(t, period: period, by: by)), "\(period)")
        }
    }
}
