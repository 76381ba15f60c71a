import Foundation

/// `replay DIR` (SPEC §12): the book under a candidate scoring model beside the current one.
public struct ReplayReport: Sendable, Equatable, Codable {
    /// One lead, judged by both models.
    public struct Input: Sendable {
        public var lead: Lead
        /// The month the lead counts in: when it first reached `mql`, else of its latest activity.
        public var month: String
        /// `nil` when the model has no profile for the lead.
        public var now: VerdictStanding?
        public var candidate: VerdictStanding?
        /// The profiles the two verdicts were reached with (for a threshold that differs).
        public var nowProfile: Profile?
        public var candidateProfile: Profile?
        /// The full verdicts, when the two models may score the lead differently (the first
        /// difference can lie in any rule); `nil` when the candidate scores alike
        /// (`VerdictEngine.scoresAlike`): then only thresholds can differ.
        public var verdicts: (now: Verdict?, candidate: Verdict?)?

        public init(lead: Lead, month: String, now: Verdict?, candidate: Verdict?,
                    nowProfile: Profile? = nil, candidateProfile: Profile? = nil) {
            self.lead = lead
            self.month = month
            self.now = now?.standing
            self.candidate = candidate?.standing
            self.nowProfile = nowProfile
            self.candidateProfile = candidateProfile
            self.verdicts = (now, candidate)
        }

        /// A lead both models score alike: only their thresholds judge it apart.
        public init(lead: Lead, month: String, alike now: VerdictStanding, _ candidate: VerdictStanding,
                    nowProfile: Profile, candidateProfile: Profile) {
            self.lead = lead
            self.month = month
            self.now = now
            self.candidate = candidate
            self.nowProfile = nowProfile
            self.candidateProfile = candidateProfile
            self.verdicts = nil
        }

        /// The month of `record`'s MQL moment, else of its newest answer, signal, call or creation.
        public static func month(of record: QualificationRecord) -> String {
            month(mqlAt: record.lead.mqlAt, latestActivity: record.latestActivity)
        }

        public static func month(mqlAt: Date?, latestActivity: Date) -> String {
            ReviewReport.monthKey(mqlAt ?? latestActivity)
        }
    }
    public struct Transition: Sendable, Equatable, Codable {
        public var from: String
        public var to: String
        public var leads: Int
    }
    public struct Month: Sendable, Equatable, Codable {
        public var month: String
        public var now: Int
        public var candidate: Int
    }
    public struct Change: Sendable, Equatable, Codable {
        public var lead: String
        public var org: String
        public var from: String
        public var to: String
        public var mqlNow: Bool
        public var mqlCandidate: Bool
        /// The first rule that decides differently.
        public var firstDifference: String
    }

    public var leads: Int
    public var mqlsNow: Int
    public var mqlsCandidate: Int
    /// Every (now → candidate) verdict pair (`label`), the most frequent first.
    public var transitions: [Transition]
    public var months: [Month]
    /// Leads whose verdict or MQL standing changes, in id order.
    public var changes: [Change]

    /// A verdict's words: its kind, `, mql` when it meets the MQL rule; `unscored` without a profile.
    public static func label(_ v: VerdictStanding?) -> String {
        guard let v else { return "unscored" }
        return v.kind.rawValue + (v.mql ? ", mql" : "")
    }

    public static func compute(_ inputs: [Input]) -> ReplayReport {
        var tally = Tally()
        for input in inputs { tally.add(input) }
        return tally.report
    }

    /// The report built one lead at a time, as the book is read: only the counts and the
    /// changed leads are kept, never the verdicts.
    public struct Tally: Sendable {
        private var leads = 0, mqlsNow = 0, mqlsCandidate = 0
        private var pairs: [String: Transition] = [:]
        private var months: [String: Month] = [:]
        private var changes: [(lead: Int64, change: Change)] = []

        public init() {}

        public mutating func add(_ input: Input) {
            leads += 1
            let from = label(input.now), to = label(input.candidate)
            pairs["\(from)>\(to)", default: Transition(from: from, to: to, leads: 0)].leads += 1
            let mqlNow = input.now?.mql ?? false, mqlThen = input.candidate?.mql ?? false
            if mqlNow { mqlsNow += 1 }
            if mqlThen { mqlsCandidate += 1 }
            if mqlNow || mqlThen {
                var m = months[input.month] ?? Month(month: input.month, now: 0, candidate: 0)
                if mqlNow { m.now += 1 }
                if mqlThen { m.candidate += 1 }
                months[input.month] = m
            }
            guard from != to else { return }
            let difference = if let (now, candidate) = input.verdicts {
                ReplayDifference.first(now: now, candidate: candidate, nowProfile: input.nowProfile, candidateProfile: input.candidateProfile)
            } else {
                ReplayDifference.ofThresholds(now: input.now, candidate: input.candidate,
                                              nowProfile: input.nowProfile, candidateProfile: input.candidateProfile)
            }
            changes.append((input.lead.id, Change(lead: input.lead.label, org: input.lead.org, from: from, to: to, mqlNow: mqlNow,
                                                  mqlCandidate: mqlThen, firstDifference: difference ?? "no rule differs")))
        }

        public var report: ReplayReport {
            let order = VerdictKind.allCases.flatMap { [$0.rawValue + ", mql", $0.rawValue] } + ["unscored"]
            let rank = { (s: String) in order.firstIndex(of: s) ?? order.count }
            return ReplayReport(
                leads: leads, mqlsNow: mqlsNow, mqlsCandidate: mqlsCandidate,
                transitions: pairs.values.sorted { ($1.leads, rank($0.from), rank($0.to)) < ($0.leads, rank($1.from), rank($1.to)) },
                months: months.values.sorted { $0.month < $1.month },
                changes: changes.sorted { $0.lead < $1.lead }.map(\.change))
        }
    }
}
