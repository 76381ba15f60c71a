import DiscoveryCore
import Testing

/// How a lead field's value is put in the form `from-lead` maps compare (`LeadFieldSource.normalise`).
@Suite struct LeadFieldNormaliseTests {
    @Test(arguments: [
        ("orthopedics", "orthopedics"),                       // already in form: as it is
        ("us-mn", "us-mn"),
        ("200", "200"),
        ("", ""),
        ("Cardiovascular Surgery", "cardiovascular-surgery"),
        ("  spine_surgery ", "spine-surgery"),
        ("a  b\tc", "a-b-c"),
        ("US-MN", "us-mn"),
        ("Ümlaut Klinik", "ümlaut-klinik"),
        ("ortho ", "ortho"),
    ])
    func valuesAreLowerCaseWithDashes(_ value: String, _ expected: String) {
        #expect(LeadFieldSource.normalise(value) == expected)
    }
}
