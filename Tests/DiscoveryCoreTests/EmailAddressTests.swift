import Testing
@testable import DiscoveryCore

@Suite struct EmailAddressTests {
    static let samples = [
        "ana@mercy.example", "a@b.c", "@b.c", "a@", "a@b", "a@.b", "a@b.", "a@@b.c", "a@b@c.d", "a b@c.d", "a@c.d ",
        "a\t@c.d", "a@c\r\n.d", "a@c.d\n", "a\u{0B}@c.d", "a\u{0C}@c.d", "a\u{1F}@c.d", "", "@", ".@.", "x@y..z",
        "ünï@cødé.example", "a@b.c\u{85}", "a@b.c\u{A0}", "a@\u{301}b.c", "@\u{301}a@b.c",
    ]

    @Test(arguments: samples)
    func theByteTestAgreesWithTheCharacterTest(text: String) {
        #expect(EmailAddress.isPlausible(text) == EmailAddress.isPlausibleText(text))
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            #expect(EmailAddress.isPlausibleASCII(text) == EmailAddress.isPlausibleText(text))
        } else {
            #expect(EmailAddress.isPlausibleASCII(text) == nil)
        }
    }

    @Test func acceptsAndRefusesTheUsualCases() {
        #expect(EmailAddress.isPlausible("ana@mercy.example"))
        #expect(!EmailAddress.isPlausible("ana@mercy"))
        #expect(!EmailAddress.isPlausible("ana mercy@x.org"))
    }
}
