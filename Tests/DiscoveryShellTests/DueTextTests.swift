import Foundation
import Testing
@testable import DiscoveryCore
@testable import DiscoveryShell

/// `DueText.append` writes what the string-built form (the one `due` used before) gives, for
/// every kind and state, cut or not, plain ASCII or not, styled or not.
@Suite struct DueTextTests {
    /// The form `due` printed before its lines were written as bytes.
    static func reference(_ item: DueItem, now: Date, width: Int, style: Style) -> String {
        let head = Prompt.truncate("  L\(item.leadId) \(item.org): \(item.what)", to: max(20, width))
        let due = item.kind == .nextStep ? Dates.day(item.due) : CallTime.text(item.due)
        let when = item.state == .breached
            ? style.red("breached") + ": due \(due) (\(CallTime.span(now.timeIntervalSince(item.due))) ago)"
            : style.yellow("due") + " \(due) (in \(CallTime.span(item.due.timeIntervalSince(now))))"
        return head + "\n    \(when), since \(CallTime.text(item.since)), owner \(item.owner ?? "-")\n"
    }

    static func utc(_ text: String) -> Date { Dates.parseISO(text) ?? Date(timeIntervalSince1970: 0) }
    static let now = utc("2026-12-01T12:00:00Z")
    static let orgs = ["Mercy Regional", "", "Clínica São José", "Line\r\nbreak", "👩‍⚕️ Care", String(repeating: "Long Name ", count: 12)]
    static let whats = ["first call (4 h SLA, demo-request)", "call again (1 business day after no-answer)", "é"]

    @Test(arguments: [20, 40, 80, 200], [false, true])
    func everyItemAsTheStringForm(_ width: Int, _ styled: Bool) {
        let style = Style(enabled: styled)
        let text = DueText(now: Self.now, width: width, style: style)
        for org in Self.orgs {
            for what in Self.whats {
                for kind in [DueItem.Kind.firstAttempt, .retry, .nextStep, .requalify] {
                    for (state, due) in [(SLAState.breached, Self.utc("2025-03-07T22:14:00Z")), (.due, Self.utc("2026-12-01T16:05:30Z")),
                                         (.breached, Self.utc("2026-12-01T11:59:31Z"))] {
                        for owner in ["sam", nil] {
                            let item = DueItem(leadId: 47578, org: org, owner: owner, kind: kind, what: what,
                                               since: Self.utc("2025-03-06T22:14:00Z"), due: due, state: state)
                            var bytes: [UInt8] = []
                            text.append(item, to: &bytes)
                            #expect(String(decoding: bytes, as: UTF8.self) == Self.reference(item, now: Self.now, width: width, style: style))
                        }
                    }
                }
            }
        }
    }
}
