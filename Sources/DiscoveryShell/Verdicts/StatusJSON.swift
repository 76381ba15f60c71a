import Foundation
import DiscoveryCore
import DiscoveryExport

extension StatusJSON {
    /// `status --json`'s document (`StatusJSON`, SPEC §8) for `q`, scored with `model`.
    init(_ q: Qualification, model: ModelVersion) {
        self.init(lead: q.lead.label, stage: q.lead.stage.rawValue, profile: q.profile.id, verdict: VerdictJSON(q.verdict),
                  askNext: q.verdict.askNext.map(\.question), modelVersion: model.description,
                  requalify: q.lead.requalify.map { Requalify(trigger: $0.trigger, at: $0.at, due: Requalification.due($0)) })
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
