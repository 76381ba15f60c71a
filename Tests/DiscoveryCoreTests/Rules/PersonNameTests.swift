import DiscoveryCore
import Testing

/// A whole name is split once into the parts CRMs keep, or reported as not splittable; parts
/// from a CRM's columns are kept as given.
@Suite struct PersonNameTests {
    @Test(arguments: [
        ("Dr. Ana Ruiz", PersonName.Split.parts(PersonName(salutation: "Dr.", first: "Ana", last: "Ruiz"))),
        ("José García, Jr.", .parts(PersonName(first: "José", last: "García", suffix: "Jr."))),
        ("John Smith III", .parts(PersonName(first: "John", last: "Smith", suffix: "III"))),
        ("García, José", .parts(PersonName(first: "José", last: "García"))),
        ("Ana de la Cruz", .parts(PersonName(first: "Ana", last: "de la Cruz"))),
        ("Mary Ann de Vries", .parts(PersonName(first: "Mary Ann", last: "de Vries"))),
        ("Cher", .parts(PersonName(last: "Cher"))),
        ("  Nia   Brown ", .parts(PersonName(first: "Nia", last: "Brown"))),
        ("ana@example.org", .emailOnly),
        ("Mary Ann Smith", .ambiguous),
        ("José María García López", .ambiguous),
        ("García, José, Jr., MD", .ambiguous),
        ("", .ambiguous),
    ])
    func aWholeNameIsSplitOnceOrReported(name: String, expected: PersonName.Split) {
        #expect(PersonName.split(name) == expected)
    }

    @Test func partsOfANameOnlyKnownByEmailAreEmptyAndAnAmbiguousNameHasNone() {
        #expect(PersonName.parts(of: "nia@example.org") == PersonName())
        #expect(PersonName.parts(of: "Mary Ann Smith") == nil)
    }

    @Test(arguments: [
        (PersonName(salutation: "Dr.", first: "Ana", last: "Ruiz"), "Dr. Ana Ruiz"),
        (PersonName(first: "José", last: "García", suffix: "Jr."), "José García, Jr."),
        (PersonName(last: "Cher"), "Cher"),
    ])
    func partsDisplayAsOneLine(parts: PersonName, expected: String) {
        #expect(parts.display == expected)
    }

    @Test func columnsAreKeptAsGivenWithASuffixTakenOffTheLastName() {
        #expect(PersonName(columns: nil, first: "José", last: "García Jr.") == PersonName(first: "José", last: "García", suffix: "Jr."))
        #expect(PersonName(columns: "Dr.", first: "Mary Ann", last: "Smith")
            == PersonName(salutation: "Dr.", first: "Mary Ann", last: "Smith"))
        #expect(PersonName(columns: nil, first: nil, last: "de la Cruz") == PersonName(last: "de la Cruz"))
    }
}
