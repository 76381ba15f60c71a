import DiscoveryCore
import Testing
@testable import DiscoveryExport

@Suite struct ImportRecordTests {
    static let profiles = ["capital-equipment", "healthtech"]

    static func parse(_ header: [String], _ row: [String]) throws -> Result<ImportRecord, ImportRowError> {
        let columns = try ImportColumns(header: header, file: "f.csv")
        return ImportRecord.parse(line: 2, fields: row, columns: columns, profiles: profiles)
    }

    @Test func readsHubSpotColumns() throws {
        let r = try Self.parse(["First Name", "Last Name", "Email", "Phone Number", "Job Title", "Company Name", "Lifecycle Stage"],
                               ["Ana", "Ruiz", "ana@mercy.example", "+1 (555) 010-0100", "Chief of Surgery", "Mercy", "marketingqualifiedlead"]).get()
        #expect(r.lead.org == "Mercy")
        #expect(r.lead.stage == .mql)
        #expect(r.contact == ImportRecord.ContactPart(name: "Ana Ruiz", nameParts: PersonName(first: "Ana", last: "Ruiz"),
                                                      title: "Chief of Surgery", email: "ana@mercy.example",
                                                      phone: "+1 (555) 010-0100"))
    }

    @Test func readsSalesforceColumnsAndTheirOptOuts() throws {
        let r = try Self.parse(["Salutation", "FirstName", "LastName", "Company", "Title", "Email", "DoNotCall", "HasOptedOutOfEmail"],
                               ["Dr.", "Ana", "Ruiz", "Mercy", "CMO", "ana@mercy.example", "false", "true"]).get()
        #expect(r.contact?.name == "Dr. Ana Ruiz")
        #expect(r.contact?.nameParts == PersonName(salutation: "Dr.", first: "Ana", last: "Ruiz"))
        #expect(r.contact?.consent == nil && r.contact?.doNotCall == false && r.contact?.emailOptOut == true)
    }

    @Test func aContactKnownOnlyByEmailHasNoNamePartsAndASuffixIsItsOwnPart() throws {
        let email = try Self.parse(["Company", "Email"], ["Mercy", "nia@mercy.example"]).get()
        #expect(email.contact?.nameParts == PersonName())
        let suffix = try Self.parse(["Company", "First Name", "Last Name"], ["Mercy", "José", "García Jr."]).get()
        #expect(suffix.contact?.nameParts == PersonName(first: "José", last: "García", suffix: "Jr."))
        #expect(suffix.contact?.name == "José García, Jr.")
    }

    @Test func undoesFormulaNeutralisation() throws {
        let r = try Self.parse(["org", "contact_name"], ["'=Mercy", "''Quoted"]).get()
        #expect(r.lead.org == "=Mercy")
        #expect(r.contact?.name == "'Quoted")
    }

    @Test func namesTheMissingRequiredColumn() {
        #expect(throws: DiscoveryError.failed("f.csv:1: missing required column for the organisation: name one of 'company', 'org', 'Company', 'Company Name', 'Account Name', 'Company / Account', 'Associated Company'; found: email, firstname")) {
            _ = try ImportColumns(header: ["email", "firstname"], file: "f.csv")
        }
    }

    @Test func refusesTwoColumnsForOneField() {
        #expect(throws: DiscoveryError.failed("f.csv:1: columns 'email' and 'Email Address' both give the email; keep one")) {
            _ = try ImportColumns(header: ["company", "email", "Email Address"], file: "f.csv")
        }
    }

    @Test(arguments: [
        (["company", "email"], ["Mercy"], "has 1 field, the header has 2"),
        (["company", "email"], ["", "a@b.example"], "the organisation (column 'company' / 'org') is empty"),
        (["company", "email"], ["Mercy", "not-an-email"], "invalid email 'not-an-email': expected name@example.org"),
        (["company", "contact_role", "contact_name"], ["Mercy", "champoin", "Ana"], "unknown role 'champoin'. Did you mean 'champion'? Expected one of: champion, economic-buyer, clinical-leader, technical, procurement, security, end-user, influencer"),
        (["company", "beds"], ["Mercy", "-3"], "invalid beds '-3': expected a whole number, 0 or more"),
        (["company", "stage"], ["Mercy", "disqualified"], "stage 'disqualified' needs a stage_reason (a reason code)"),
        (["company", "profile"], ["Mercy", "healthtec"], "unknown profile 'healthtec'. Did you mean 'healthtech'? Profiles: capital-equipment, healthtech"),
        (["company", "created_at"], ["Mercy", "yesterday"], "invalid creation time 'yesterday': expected an ISO-8601 time such as 2026-03-02T09:00:00Z"),
        (["company", "jobtitle"], ["Mercy", "CMO"], "the contact has no name and no email"),
        (["company", "DoNotCall"], ["Mercy", "maybe"], "invalid do-not-call flag 'maybe': expected true or false (also 1/0, yes/no, on/off)"),
        (["company", "type"], ["Mercy", "hos\u{7}pital"], "the type contains a control character"),
    ])
    func aBadRowSaysWhatIsWrong(header: [String], row: [String], message: String) throws {
        let result = try Self.parse(header, row)
        #expect(result == .failure(ImportRowError(line: 2, message: message)))
    }
}

/// A CRM's record ids and the organisation's website are read (issue 11 item 2).
@Suite struct ImportRecordIdTests {
    @Test func hubSpotRecordIdAndWebsiteAreRead() throws {
        let r = try ImportRecordTests.parse(["Record ID", "First Name", "Last Name", "Email", "Company Name", "Website URL"],
                                            ["5101", "Ana", "Ruiz", "ana@mercy.example", "Mercy", "mercy.example"]).get()
        #expect(r.contact?.hubSpotId == "5101")
        #expect(r.lead.website == "mercy.example")
    }

    @Test func salesforceIdIsReadBesideApiNamesButAMarketoIdIsNot() throws {
        let sf = try ImportRecordTests.parse(["Id", "LastName", "Company"], ["00Q5e00000ABCDEAA1", "Ruiz", "Mercy"]).get()
        #expect(sf.contact?.salesforceId == "00Q5e00000ABCDEAA1")
        let report = try ImportRecordTests.parse(["Lead ID", "Last Name", "Company"], ["00Q5e00000ABCDEAA1", "Ruiz", "Mercy"]).get()
        #expect(report.contact?.salesforceId == "00Q5e00000ABCDEAA1")
        let marketo = try ImportRecordTests.parse(["Id", "Last Name", "Company Name"], ["1234", "Ruiz", "Mercy"]).get()
        #expect(marketo.contact?.salesforceId == nil)
    }
}
