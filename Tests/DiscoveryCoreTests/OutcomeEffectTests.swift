import Foundation
import Testing
@testable import DiscoveryCore

@Suite struct OutcomeEffectTests {
    /// SPEC §5, row by row: attempt, connected, default follow-up.
    @Test(arguments: [
        ("connected", true, true, FollowUpRule.nextStepRequired),
        ("meeting-booked", true, true, .meetingIsNextStep),
        ("voicemail", true, false, .retryBusinessDays(1)),
        ("no-answer", true, false, .retryBusinessDays(1)),
        ("busy", true, false, .retryHours(4)),
        ("gatekeeper", true, false, .retryBusinessDays(1)),
        ("call-back-later", true, true, .atGivenTime(elseBusinessDays: 1)),
        ("wrong-number", true, false, .fixContactData),
        ("not-interested", true, true, .stageChange),
    ])
    func tableMatchesTheSpec(outcome: String, attempt: Bool, connected: Bool, followUp: FollowUpRule) throws {
        let effect = try #require(CallOutcome(rawValue: outcome)).effect
        #expect(effect.countsAsAttempt == attempt)
        #expect(effect.connected == connected)
        #expect(effect.followUp == followUp)
    }

    @Test func tableHasEveryOutcomeOnceInSpecOrder() {
        #expect(OutcomeEffect.table.map(\.outcome) == CallOutcome.allCases)
    }

    @Test func followUpTimes() {
        let friday = utc("2026-03-06T16:00:00Z")
        #expect(CallOutcome.voicemail.effect.followUpDue(after: friday, requested: nil) == utc("2026-03-09T16:00:00Z"))
        #expect(CallOutcome.busy.effect.followUpDue(after: friday, requested: nil) == utc("2026-03-06T20:00:00Z"))
        #expect(CallOutcome.busy.effect.followUpDue(after: utc("2026-03-06T22:00:00Z"), requested: nil) == utc("2026-03-09T02:00:00Z"))
        let agreed = utc("2026-03-11T14:00:00Z")
        #expect(CallOutcome.callBackLater.effect.followUpDue(after: friday, requested: agreed) == agreed)
        #expect(CallOutcome.callBackLater.effect.followUpDue(after: friday, requested: nil) == utc("2026-03-09T16:00:00Z"))
        #expect(CallOutcome.wrongNumber.effect.followUpDue(after: friday, requested: nil) == utc("2026-03-09T16:00:00Z"))
        #expect(CallOutcome.connected.effect.followUpDue(after: friday, requested: nil) == utc("2026-03-09T16:00:00Z"))
        #expect(CallOutcome.notInterested.effect.followUpDue(after: friday, requested: agreed) == nil)
    }

    @Test func notInterestedMovesToNurtureOrDisqualifiedWithTheReason() {
        let effect = CallOutcome.notInterested.effect
        #expect(effect.stageChange(reason: nil)?.stage == .nurture)
        #expect(effect.stageChange(reason: nil)?.reason == nil)
        #expect(effect.stageChange(reason: .noBudget)?.stage == .disqualified)
        #expect(effect.stageChange(reason: .noBudget)?.reason == .noBudget)
        for other in CallOutcome.allCases where other != .notInterested {
            #expect(other.effect.stageChange(reason: .noBudget) == nil)
        }
    }
}
