import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

/// A JSON array written element by element is the text of the whole array encoded at once.
@Suite struct JSONArrayTextTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)

    @Test(arguments: [0, 1, 2, 5])
    func elementByElementIsTheWholeArray(count: Int) {
        let leads: [Lead] = (0..<count).map { (i: Int) -> Lead in
            let org: String = "Org \"\(i)\"\nline two é"
            let region: String? = i % 2 == 0 ? nil : "West"
            let mql: Date? = i == 1 ? Self.at : nil
            return Lead(id: Int64(i + 1), org: org, region: region, profile: "p", owner: "sam", createdAt: Self.at, mqlAt: mql)
        }
        let json = leads.map { LeadJSON($0, fields: LeadJSONField.listing) }
        var array = JSONArrayText()
        let streamed = json.map { array.element($0) }.joined() + array.end()
        #expect(streamed == JSONText.encode(json) + "\n")
    }
}
