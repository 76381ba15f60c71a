/// One conclusion of the review: what the figures show, quoting them, and the scoring guide's
/// rule of thumb it comes from (SPEC §12).
public struct ReviewFinding: Sendable, Equatable, Codable {
    public enum Rule: String, Sendable, Codable, CaseIterable {
        case lowAcceptance = "acceptance-below-50"
        case dominantRejection = "rejection-reason-above-30"
        case overCapacity = "mqls-above-capacity"

        /// The rule of thumb, as the scoring guide puts it.
        public var ruleOfThumb: String {
            switch self {
            case .lowAcceptance: return "acceptance below 50 % means the MQL threshold is likely too low"
            case .dominantRejection: return "one rejection reason above 30 % means the scoring part it names needs adjusting"
            case .overCapacity: return "MQL volume should match what the reps can follow up: raise the threshold or add reps"
            }
        }
    }

    public var rule: Rule
    /// The finding, with its numbers.
    public var message: String
    public var ruleOfThumb: String

    init(_ rule: Rule, _ message: String) {
        self.rule = rule
        self.message = message
        self.ruleOfThumb = rule.ruleOfThumb
    }

    /// Below this acceptance rate the bar is too low.
    public static let acceptanceFloor = 0.5
    /// Above this share of rejections one reason points at one scoring part.
    public static let reasonCeiling = 0.3

    static func findings(overall: ReviewFigures, months: [ReviewReport.Month],
                         capacity: ReviewReport.Capacity?) -> [ReviewFinding] {
        var out: [ReviewFinding] = []
        if let rate = overall.acceptanceRate, rate < acceptanceFloor {
            let decided = overall.accepted + overall.rejected
            out.append(ReviewFinding(.lowAcceptance,
                "sales accepted \(Ratio.percent(rate)) of the MQLs they decided on (\(overall.accepted) of \(decided)), below 50 %: the MQL threshold is likely too low; raise it"))
        }
        for row in overall.rejectionReasons where row.share > reasonCeiling {
            let part = RejectionReason(rawValue: row.reason).map(scoringPart) ?? "the scoring"
            out.append(ReviewFinding(.dominantRejection,
                "\(row.reason) is \(Ratio.percent(row.share)) of the rejections (\(row.leads) of \(overall.rejections)), above 30 %: adjust \(part)"))
        }
        if let capacity {
            let over = months.filter { $0.mqls > capacity.perMonth }
            if !over.isEmpty {
                let owners = "\(capacity.owners.count) owner\(capacity.owners.count == 1 ? "" : "s") × \(capacity.perOwnerPerMonth)"
                let list = over.map { "\($0.month) (\($0.mqls))" }.joined(separator: ", ")
                out.append(ReviewFinding(.overCapacity,
                    "\(over.count) of \(months.count) month\(months.count == 1 ? "" : "s") above the capacity of \(capacity.perMonth) MQLs (\(owners)): \(list); raise the MQL threshold or add reps"))
            }
        }
        return out
    }

    /// The part of the scoring model a rejection reason names.
    public static func scoringPart(_ reason: RejectionReason) -> String {
        switch reason {
        case .wrongRole:
            return "who the MQL rule counts (contact roles)"
        case .disqualification(let code):
            switch code {
            case .wrongSpecialty, .wrongGeography, .wrongOrgType, .notQualifiedFacility, .alreadyCustomer, .competitorLocked:
                return "fit scoring (\(code.rawValue))"
            case .noBudget, .decisionProcessNotReady, .timingTooFar, .noPathToCommittee, .missingEvidence:
                return "readiness scoring (\(code.rawValue))"
            case .noResponse:
                return "intent scoring (which signals count)"
            case .noConsent:
                return "the consent the MQL rule requires"
            case .other:
                return "the scoring (read the rejection notes: 'other' names no part)"
            }
        }
    }
}
