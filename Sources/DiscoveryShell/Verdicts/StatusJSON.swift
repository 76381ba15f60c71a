import Foundation
import DiscoveryCore

/// `status --json`: exactly the keys of SPEC §8 and `requalify` (SPEC §11), each always present.
struct StatusJSON: Encodable {
    struct Scores: Encodable {
        let fit: Int
        let intent: Int
        let readiness: Int
    }
    struct Bands: Encodable {
        let intent: String
    }
    struct Requalify: Encodable {
        let trigger: String
        let at: Date
        let due: Date
    }

    let lead: String
    let stage: String
    let profile: String
    let verdict: String
    let mql: Bool
    let scores: Scores
    let bands: Bands
    let gates: [String: Bool]
    let missingGates: [String]
    let hardStops: [String]
    let flags: [String]
    let askNext: [String]
    /// Set when the lead is marked for re-qualification (SPEC §11); `null` otherwise.
    @NullEncoded var requalify: Requalify?

    init(_ q: Qualification) {
        let v = q.verdict
        lead = q.lead.label
        stage = q.lead.stage.rawValue
        profile = q.profile.id
        verdict = v.kind.rawValue
        mql = v.mql
        scores = Scores(fit: v.scores.fit, intent: v.scores.intent, readiness: v.scores.readiness)
        bands = Bands(intent: (v.band(.intent) ?? .low).rawValue)
        gates = Dictionary(v.gates.map { ($0.name, $0.met) }, uniquingKeysWith: { a, b in a && b })
        missingGates = v.missingGates
        hardStops = v.hardStopReasons.map(\.rawValue)
        flags = v.flagNames
        askNext = v.askNext.map(\.question)
        requalify = q.lead.requalify.map { Requalify(trigger: $0.trigger, at: $0.at, due: Requalification.due($0)) }
    }
}

/// `next --json`: the recommendations and the questions to ask next.
struct NextJSON: Encodable {
    struct Item: Encodable {
        let action: String
        let because: [String]
        let owner: String
        /// `YYYY-MM-DD`.
        let due: String
    }

    let recommendations: [Item]
    let askNext: [String]

    init(_ recs: [Recommendation], askNext: [AskNextItem]) {
        recommendations = recs.map {
            Item(action: $0.action.rawValue, because: $0.because, owner: $0.owner, due: Dates.day($0.due))
        }
        self.askNext = askNext.map(\.question)
    }
}
