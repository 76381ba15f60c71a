import Testing
@testable import DiscoveryExport

@Suite struct ImportColumnsTests {
    @Test func everyFieldsOrdinalIsItsPlaceInAllCases() {
        #expect(ImportField.allCases.map(\.ordinal) == Array(ImportField.allCases.indices))
    }

    @Test func valuesAreFoundByFieldWhateverTheColumnOrder() throws {
        let columns = try ImportColumns(header: ["Email", "ignored", "Company", "lead source", "FirstName"], file: "f.csv")
        let row = ["a@b.example", "x", "  Mercy  ", "", "'=Ana"]
        #expect(columns.value(.email, in: row) == "a@b.example")
        #expect(columns.value(.org, in: row) == "Mercy")
        #expect(columns.value(.source, in: row) == nil)
        #expect(columns.value(.firstName, in: row) == "=Ana")
        #expect(columns.value(.lastName, in: row) == nil)
        #expect(columns.has(.source) && !columns.has(.lastName))
        #expect(columns.ignored == ["ignored"])
    }
}
