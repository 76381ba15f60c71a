import Foundation
import DiscoveryCore

/// `status --json`: exactly the keys of SPEC §8, each always present: the lead, its stage and
/// profile, the verdict keys `export --format json` shares (`VerdictJSON`), `ask_next`, and
/// `requalify` (SPEC §11). `text` writes it straight as bytes (`StatusJSON+Writable.swift`);
/// this `Encodable` form is its reference.
public struct StatusJSON: Encodable, Sendable {
    public struct Requalify: Encodable, Sendable {
        public let trigger: String
        public let at: Date
        public let due: Date

        public init(trigger: String, at: Date, due: Date) {
            self.trigger = trigger
            self.at = at
            self.due = due
        }
    }

    public let lead: String
    public let stage: String
    public let profile: String
    public let verdict: VerdictJSON
    public let askNext: [String]
    /// The scoring model the verdict was computed with (`team v3`, `local 9f86d081884c7d65`).
    public let modelVersion: String
    /// Set when the lead is marked for re-qualification (SPEC §11); `null` otherwise.
    @NullEncoded public var requalify: Requalify?

    public init(lead: String, stage: String, profile: String, verdict: VerdictJSON, askNext: [String],
                modelVersion: String, requalify: Requalify?) {
        self.lead = lead
        self.stage = stage
        self.profile = profile
        self.verdict = verdict
        self.askNext = askNext
        self.modelVersion = modelVersion
        self.requalify = requalify
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case lead, stage, profile, askNext = "ask_next", modelVersion = "model_version", requalify }

    public func encode(to encoder: Encoder) throws {
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
