import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryExport

@Suite struct ExportFormatTests {
    static let at = Date(timeIntervalSince1970: 1_772_442_000)
    static let hostile = ["=HYPERLINK(\"http://evil.example\",\"click\")", "+SUM(1+1)", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd",
                          "'=sneaky", "=cmd|' /C calc'!A0"]

    /// A lead whose every free-text field starts with a formula trigger.
    static func hostileLead(_ i: Int) -> (Lead, [Contact]) {
        let h = hostile[i % hostile.count]
        let lead = Lead(id: Int64(i + 1), org: h + " Org", type: h, specialty: h, region: h, beds: 10, source: h,
                        profile: "capital-equipment", consent: .yes, owner: h, stage: .disqualified,
                        stageReason: .other, stageNote: h + "\nsecond line", createdAt: at)
        let contacts = [
            Contact(id: 1, leadId: lead.id, name: h, title: h, role: .champion, email: h, phone: "+1 (555) 010-0100", createdAt: at),
            Contact(id: 2, leadId: lead.id, name: "Dr. " + h, title: "a,\"b\"", phone: "+1+2", consent: .no, createdAt: at),
        ]
        return (lead, contacts)
    }

    /// The export of `leads`, held to the target's documented import rules (`CRMImportValidator`).
    static func render(_ format: ExportFormat, leads: [(Lead, [Contact])],
                       sourceLocation: SourceLocation = #_sourceLocation) -> String {
        var w = format.makeWriter()
        let text = w.begin() + leads.map { w.write($0.0, contacts: $0.1) }.joined() + w.end()
        let reached = Set(leads.filter { $0.0.mqlAt != nil }.flatMap { $0.1.compactMap(\.email) })
        CRMImportValidator.check(text, format: format, reachedMQL: reached, sourceLocation: sourceLocation)
        return text
    }

    @Test(arguments: [ExportFormat.csv, .hubspot, .salesforce])
    func noCellStartsAFormulaAfterAnIndependentParse(format: ExportFormat) throws {
        let leads = (0..<Self.hostile.count).map(Self.hostileLead)
        let rows = try ReferenceCSV.parse(Self.render(format, leads: leads))
        let header = rows[0]
        #expect(rows.count == 1 + leads.count * 2)
        let phoneColumn = header.firstIndex { ["contact_phone", "phone", "Phone"].contains($0) }
        for (r, row) in rows.enumerated() {
            #expect(row.count == header.count, "row \(r) is ragged")
            for (c, cell) in row.enumerated() {
                guard let first = cell.first else { continue }
                if c == phoneColumn && PhoneNumber.isStrict(cell) { continue }
                #expect(!["=", "+", "-", "@", "\t", "\r"].contains(first), "row \(r) column \(header[c]): \(cell.debugDescription)")
            }
        }
        // The strict phone number survives as it is; the formula-like one does not.
        if let phoneColumn {
            #expect(rows[1][phoneColumn] == "+1 (555) 010-0100")
            #expect(rows[2][phoneColumn] == "'+1+2")
        }
    }

    @Test func hubSpotRowsCarryTheMappedStageAndSplitNames() throws {
        let lead = Lead(id: 7, org: "Mercy Regional", profile: "capital-equipment", stage: .sql, createdAt: Self.at)
        let c = Contact(id: 1, leadId: 7, name: "Dr. Ana Ruiz", title: "Chief of Surgery", role: .clinicalLeader,
                        email: "ana@mercy.example", phone: "+1 (555) 010-0100", consent: .yes, createdAt: Self.at)
        let rows = try ReferenceCSV.parse(Self.render(.hubspot, leads: [(lead, [c])]))
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["firstname"] == "Ana")
        #expect(row["lastname"] == "Ruiz")
        #expect(row["salutation"] == "Dr.")
        #expect(row["company"] == "Mercy Regional")
        #expect(row["lifecyclestage"] == "salesqualifiedlead")
        #expect(row["hs_lead_status"] == "CONNECTED")
        #expect(row["discovery_lead_id"] == nil && row["discovery_consent"] == nil)
    }

    @Test(arguments: [
        (Stage.nurture, true, ""), (.nurture, false, "lead"), (.sql, true, "salesqualifiedlead"), (.new, false, "lead"),
        (.disqualified, true, "other"), (.mql, true, "marketingqualifiedlead"),
    ])
    func hubSpotLifecycleStageNeverMovesBackward(stage: Stage, reachedMQL: Bool, expected: String) throws {
        let lead = Lead(id: 7, org: "Mercy", profile: "capital-equipment", stage: stage,
                        stageReason: stage.requiresReason ? .noBudget : nil, createdAt: Self.at,
                        mqlAt: reachedMQL ? Self.at : nil)
        let c = Contact(id: 1, leadId: 7, name: "Ana Ruiz", createdAt: Self.at)
        let rows = try ReferenceCSV.parse(Self.render(.hubspot, leads: [(lead, [c])]))
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["lifecyclestage"] == expected)
        #expect(row["hs_lead_status"] == CRMMapping.row(for: stage).hubSpotLeadStatus)
    }

    @Test func hubSpotOptOutsGoToTheOptOutList() {
        let lead = Lead(id: 7, org: "Mercy", profile: "capital-equipment", consent: .unknown, createdAt: Self.at)
        var w = HubSpotExport()
        _ = w.write(lead, contacts: [
            Contact(id: 1, leadId: 7, name: "Ana Ruiz", email: "ana@mercy.example", consent: .no, createdAt: Self.at),
            Contact(id: 2, leadId: 7, name: "Ben Ode", email: "ben@mercy.example", emailOptOut: true, createdAt: Self.at),
            Contact(id: 3, leadId: 7, name: "Cid Roy", email: "cid@mercy.example", createdAt: Self.at),
        ])
        #expect(w.optOutEmails == ["ana@mercy.example", "ben@mercy.example"])
        #expect(w.optOutList() == "email\r\nana@mercy.example\r\nben@mercy.example\r\n")
    }

    @Test(arguments: [ExportFormat.hubspot, .salesforce])
    func namesAreWrittenFromTheirPartsAndAnEmailIsNeverALastName(format: ExportFormat) throws {
        let lead = Lead(id: 7, org: "Mercy", profile: "capital-equipment", createdAt: Self.at)
        let contacts = [
            Contact(id: 1, leadId: 7, name: "José García, Jr.", nameParts: PersonName(first: "José", last: "García", suffix: "Jr."),
                    createdAt: Self.at),
            Contact(id: 2, leadId: 7, name: "nia@mercy.example", nameParts: PersonName(), email: "nia@mercy.example", createdAt: Self.at),
            Contact(id: 3, leadId: 7, name: "Mary Ann Smith", createdAt: Self.at),
        ]
        var w = format.makeWriter()
        let text = w.begin() + w.write(lead, contacts: contacts)
        CRMImportValidator.check(text, format: format)
        let rows = try ReferenceCSV.parse(text)
        let (first, last) = format == .hubspot ? ("firstname", "lastname") : ("FirstName", "LastName")
        let names = rows.dropFirst().map { row in
            let cells = Dictionary(uniqueKeysWithValues: zip(rows[0], row))
            return [cells[first] ?? "?", cells[last] ?? "?"]
        }
        #expect(names == [["José", "García Jr."], ["", format == .hubspot ? "" : "Unknown"], ["", "Mary Ann Smith"]])
        #expect(w.warnings.count == 1)
        #expect(w.warnings.first?.contains("'Mary Ann Smith'") == true)
    }

    @Test func salesforceRowsNeedALastNameAndCarryOptOuts() throws {
        let lead = Lead(id: 3, org: "St. Luke", profile: "capital-equipment", consent: .no, stage: .mql, createdAt: Self.at)
        let rows = try ReferenceCSV.parse(Self.render(.salesforce, leads: [(lead, [])]))
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(rows.count == 2)
        #expect(row["LastName"] == "Unknown")
        #expect(row["Company"] == "St. Luke")
        #expect(row["Status"] == "Open - Not Contacted")
        #expect(row["Rating"] == "Warm")
        #expect(row["DoNotCall"] == "true")
        #expect(row["HasOptedOutOfEmail"] == "true")
        #expect(row["Description"] == "discovery L3; stage mql; profile capital-equipment; consent no")
    }

    @Test func jsonIsOneObjectPerLeadWithASchemaVersion() throws {
        let (lead, contacts) = Self.hostileLead(0)
        let second = Lead(id: 9, org: "Second", profile: "healthtech", createdAt: Self.at)
        let text = Self.render(.json, leads: [(lead, contacts), (second, [])])
        let array = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["schema_version"] as? Int == 1)
        #expect(array[0]["id"] as? String == "L1")
        #expect(array[0]["created_at"] as? String == "2026-03-02T09:00:00Z")
        #expect((array[0]["contacts"] as? [Any])?.count == 2)
        #expect(array[1]["mql_at"] is NSNull)
        #expect((array[1]["crm"] as? [String: String])?["hubspot_lifecyclestage"] == "lead")
        #expect(Self.render(.json, leads: []) == "[\n]\n")
    }
}

/// Salesforce values within its picklists and lengths; what must change is reported with the
/// lead (issue 11 item 5).
@Suite struct SalesforceFitTests {
    static let at = ExportFormatTests.at

    @Test(arguments: [("Dr", "Dr."), ("dr.", "Dr."), ("Prof", "Prof."), ("Mrs", "Mrs.")])
    func salutationsBecomeTheirPicklistValue(given: String, expected: String) {
        #expect(SalesforceFields.salutation(given) == expected)
    }

    @Test func longValuesAreCutAndReportedAndOddPicklistValuesWarned() throws {
        let lead = Lead(id: 9, org: String(repeating: "O", count: 300), source: "conference", profile: "capital-equipment",
                        stage: .opportunity, createdAt: Self.at)
        let contact = Contact(id: 1, leadId: 9, name: "Mx. Sam " + String(repeating: "L", count: 90),
                              nameParts: PersonName(salutation: "Mx.", first: "Sam", last: String(repeating: "L", count: 90)),
                              title: String(repeating: "T", count: 130), createdAt: Self.at)
        var w = SalesforceExport()
        let text = w.begin() + w.write(lead, contacts: [contact])
        CRMImportValidator.check(text, format: .salesforce)
        let rows = try ReferenceCSV.parse(text)
        let cell = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(cell["Company"]?.count == 255 && cell["LastName"]?.count == 80 && cell["Title"]?.count == 128)
        #expect(cell["Salutation"] == "")
        // A lead never converted in Salesforce is not written as converted.
        #expect(cell["Status"] == "Working - Contacted")
        let warnings = w.warnings.joined(separator: "\n")
        #expect(warnings.contains("L9 ") && warnings.contains("Company cut to 255 characters"))
        #expect(warnings.contains("LastName cut to 80 characters") && warnings.contains("Title cut to 128 characters"))
        #expect(warnings.contains("Salutation 'Mx.' is not in Salesforce's picklist"))
        #expect(warnings.contains("LeadSource 'conference' is not in Salesforce's default picklist"))
    }

    @Test func theValidatorCatchesWhatTheRulesForbid() throws {
        let bad = "Salutation,LastName,Company,Status,Rating,DoNotCall,HasOptedOutOfEmail\r\nDr,,Mercy,Closed - Converted,Hot,yes,false\r\n"
        let problems = try CRMImportValidator.problems(bad, format: .salesforce)
        #expect(problems.count == 4)
        let hub = "firstname,lastname,email,lifecyclestage\r\n,,,Marketing Qualified Lead\r\nAna,,ana@x.example,lead\r\n"
        #expect(try CRMImportValidator.problems(hub, format: .hubspot, reachedMQL: ["ana@x.example"]).count == 3)
    }
}
