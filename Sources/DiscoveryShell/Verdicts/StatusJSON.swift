import Foundation
import DiscoveryCore
import DiscoveryExport

/// `status --json`: exactly the keys of SPEC §8, each always present: the lead, its stage and
/// profile, the verdict keys `export --format json` shares (`VerdictJSON`), `ask_next`, and
/// `requalify` (SPEC §11).
struct StatusJSON: Encodable {
    struct Requalify: Encodable {
        let trigger: String
        let at: Date
        let due: Date
    }

    let lead: String
    let stage: String
    let profile: String
    let verdict: VerdictJSON
    let askNext: [String]
    /// The scoring model the verdict was computed with (`team v3`, `local 9f86d081884c7d65`).
    let modelVersion: String
    /// Set when the lead is marked for re-qualification (SPEC §11); `null` otherwise.
    @NullEncoded var requalify: Requalify?

    init(_ q: Qualification, model: ModelVersion) {
        lead = q.lead.label
        modelVersion = model.description
        stage = q.lead.stage.rawValue
        profile = q.profile.id
        verdict = VerdictJSON(q.verdict)
        askNext = q.verdict.askNext.map(\.question)
        requalify = q.lead.requalify.map { Requalify(trigger: $0.trigger, at: $0.at, due: Requalification.due($0)) }
    }

    enum CodingKeys: String, CodingKey { case lead, stage, profile, askNext = "ask_next", modelVersion = "model_version", requalify }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(lead, forKey: .lead)
        try c.encode(stage, forKey: .stage)
        try c.encode(profile, forKey: .profile)
        try c.encode(askNext, forKey: .askNext)
        try c.encode(modelVersion, forKey: .modelVersion)
        try c.encode(_requalify, forKey: .requalify)
        // The verdict's keys sit beside these, in the same object.
        try verdict.encode(to: encoder)
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
