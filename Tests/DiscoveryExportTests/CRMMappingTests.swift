import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

@Suite struct CRMMappingTests {
    @Test func everyStageHasExactlyOneRow() {
        #expect(CRMMapping.stages.map(\.stage) == Stage.allCases)
    }

    /// `docs/crm-mapping.md` shows the table the code uses, row for row.
    @Test func theDocumentedTableIsTheTableInCode() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let doc = try String(contentsOf: root.appendingPathComponent("docs/crm-mapping.md"), encoding: .utf8)
        for row in CRMMapping.stages {
            let line = "| `\(row.stage.rawValue)` | `\(row.lifecycleStage)` | `\(row.hubSpotLeadStatus)` | \(row.salesforceStatus) | \(row.salesforceRating) |"
            #expect(doc.contains(line), "docs/crm-mapping.md lacks: \(line)")
        }
    }

    @Test func lifecycleStagesMapBackWithoutInventingADisqualification() {
        #expect(CRMMapping.stage(forLifecycleStage: "marketingqualifiedlead") == .mql)
        #expect(CRMMapping.stage(forLifecycleStage: "salesqualifiedlead") == .sql)
        #expect(CRMMapping.stage(forLifecycleStage: "subscriber") == .new)
        #expect(CRMMapping.stage(forLifecycleStage: "other") == nil)
        #expect(CRMMapping.stage(forLifecycleStage: "customer") == nil)
    }

    @Test(arguments: [
        (Consent.no, Consent?.none, Consent.no), (.yes, .no, .no), (.unknown, .yes, .yes), (.yes, .unknown, .yes),
        (.unknown, nil, .unknown), (.no, .yes, .no),
    ])
    func noFromTheLeadOrTheContactWins(lead: Consent, contact: Consent?, expected: Consent) {
        #expect(CRMMapping.effectiveConsent(lead: lead, contact: contact) == expected)
    }

}
