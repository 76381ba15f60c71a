import DiscoveryCore
import DiscoveryExport
import Foundation
import Testing
@testable import DiscoveryShell

/// Every command's `--json` output on the fixture book, written by our JSON writer and by
/// Foundation's `JSONEncoder` with the same settings (`JSONText.writtenByFoundation`): the
/// same bytes. (`lead list --json` streams through `JSONArrayText`, compared with Foundation
/// in `JSONExportTypesMatchFoundationTests`.)
@Suite struct JSONOutputsMatchFoundationTests {
    static let commands: [String] =
        (1...10).map { "status L\($0) --json" } + (1...10).map { "next L\($0) --json" }
        + ["calls L1 --json", "calls L10 --json", "lead show L1 --json", "lead show L7 --json", "answers L1 --json",
           "due --json", "due --owner sam --json", "due --owner nobody --json",
           "report pipeline --json", "report reasons --json", "report sla --json", "report calls --json",
           "report scores --json", "report review --json --by owner", "report review --json --from 2025-01-01 --to 2025-12-31",
           "export --format json", "handoff L1 --format json", "handoff L3 --format json",
           "contact list --json", "signal list --json"]

    @Test func everyJSONOutputIsFoundationsText() throws {
        let t = try PipelineFixture.build(catalog: ReviewCommandTests.catalog)
        t.at("2026-02-28T10:00:00Z", "reject L2 --reason wrong-org-type")
        t.at("2026-02-28T11:00:00Z", "contact add 'Zoë \"Z\" Ng' --title 'Head/Chief' --role champion --email zoe@example.com")
        t.clock.set("2026-03-02T09:00:00Z")
        var compared = 0
        for command in Self.commands {
            let ours = t.output(command)
            let foundation = JSONText.$writtenByFoundation.withValue(true) { t.output(command) }
            #expect(ours.code == foundation.code, "\(command)")
            #expect(ours.out == foundation.out, "\(command)")
            #expect(ours.err == foundation.err, "\(command)")
            if ours.code == 0, ours.out.hasPrefix("{") || ours.out.hasPrefix("[") { compared += 1 }
        }
        // Every command wrote JSON but the review of an empty period ("No MQLs ...").
        #expect(compared == Self.commands.count - 1)
    }
}
