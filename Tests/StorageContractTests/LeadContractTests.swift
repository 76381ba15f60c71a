import DiscoveryCore
import DiscoveryStorage
import Foundation
import Testing

/// Leads and contacts: what every backend must do.
@Suite struct LeadContractTests {
    let t0 = ContractTime.t0

    func lead(_ store: any Storage, _ org: String, specialty: String? = nil, region: String? = nil, owner: String? = "ana",
              profile: String = "consumables") throws -> Lead {
        try store.createLead(Lead(org: org, specialty: specialty, region: region, profile: profile, owner: owner, createdAt: t0),
                             actor: "ana")
    }

    @Test(arguments: Backend.all) func aLeadIsKeptAsGivenWithItsId(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let given = Lead(org: "Mercy Regional", type: "hospital", specialty: "orthopedics", region: "US-OH", beds: 320,
                         source: "webinar", profile: "capital-equipment", consent: .yes, owner: "priya", createdAt: t0)
        let created = try store.createLead(given, actor: "ana")
        #expect(created.id > 0)
        let read = try #require(try store.lead(id: created.id))
        var expected = given
        expected.id = created.id
        #expect(read == expected)
        #expect(try store.lead(id: created.id + 1) == nil)
    }

    /// `lead list`'s first pass: the listed columns of the very leads `forEachLead` hands out,
    /// in the same order, for every kind of filter.
    @Test(arguments: Backend.all) func leadListRowsAreTheListedColumnsOfTheFilteredLeads(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        _ = try lead(store, "Mercy Regional", specialty: "orthopedics", region: "US-OH")
        let lake = try lead(store, "Lakeview 100% Care", specialty: "cardiology", region: nil, owner: nil)
        _ = try lead(store, "Zoë's Clinic e\u{301}", specialty: "spine", region: "US-OH", profile: "healthtech")
        try store.changeStage(lead: lake.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0)
        let filters = [LeadFilter(), LeadFilter(stage: .mql), LeadFilter(owner: "ana"), LeadFilter(profile: "healthtech"),
                       LeadFilter(search: "us-oh"), LeadFilter(owner: "ana", search: "zoë"), LeadFilter(limit: 2), LeadFilter(owner: "nobody")]
        for filter in filters {
            var rows: [LeadListRow] = []
            try store.forEachLeadListRow(filter) { rows.append($0) }
            #expect(rows == (try store.leads(filter)).map(LeadListRow.init), "\(filter)")
        }
        var all: [LeadListRow] = []
        try store.forEachLeadListRow(LeadFilter()) { all.append($0) }
        #expect(all.map(\.owner) == ["ana", nil, "ana"])
        #expect(all.map(\.region) == ["US-OH", nil, "US-OH"])
        #expect(all.map(\.stage) == [.new, .mql, .new])
        #expect(all.last?.org == "Zoë's Clinic e\u{301}")
    }

    @Test(arguments: Backend.all) func leadsAreFilteredAndSearchedInIdOrder(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let mercy = try lead(store, "Mercy Regional", specialty: "orthopedics", region: "US-OH")
        let lake = try lead(store, "Lakeview 100% Care", specialty: "cardiology", region: "US-MI", owner: "sam")
        let under = try lead(store, "St_Mary", specialty: "spine", region: "US-OH", profile: "healthtech")
        try store.changeStage(lead: lake.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0)
        #expect(try store.leads().map(\.id) == [mercy.id, lake.id, under.id])
        #expect(try store.leads(LeadFilter(stage: .mql)).map(\.id) == [lake.id])
        #expect(try store.leads(LeadFilter(owner: "ana")).map(\.id) == [mercy.id, under.id])
        #expect(try store.leads(LeadFilter(profile: "healthtech")).map(\.id) == [under.id])
        // Anywhere in organisation, specialty or region, ignoring case; % and _ are plain characters.
        #expect(try store.leads(LeadFilter(search: "us-oh")).map(\.id) == [mercy.id, under.id])
        #expect(try store.leads(LeadFilter(search: "CARDIO")).map(\.id) == [lake.id])
        #expect(try store.leads(LeadFilter(search: "100%")).map(\.id) == [lake.id])
        #expect(try store.leads(LeadFilter(search: "%")).map(\.id) == [lake.id])
        #expect(try store.leads(LeadFilter(search: "t_m")).map(\.id) == [under.id])
        #expect(try store.leads(LeadFilter(owner: "ana", search: "regional")).map(\.id) == [mercy.id])
        #expect(try store.leads(LeadFilter(limit: 2)).map(\.id) == [mercy.id, lake.id])
    }

    @Test(arguments: Backend.all) func aLeadIsFoundByTheStartOfItsName(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let mercy = try lead(store, "Mercy Regional")
        let mercyWest = try lead(store, "mercy west")
        _ = try lead(store, "Lakeview")
        _ = try lead(store, "Mer_cy")
        #expect(try store.leads(withOrgPrefix: "MERCY").map(\.id) == [mercy.id, mercyWest.id])
        #expect(try store.leads(withOrgPrefix: "mercy", limit: 1).map(\.id) == [mercy.id])
        #expect(try store.leads(withOrgPrefix: "Mer_").map(\.org) == ["Mer_cy"])
        #expect(try store.leads(withOrgPrefix: "view").isEmpty)
    }

    /// Tab on digits: the ids starting with them, in id order, never more than asked for.
    @Test(arguments: Backend.all) func leadIdsAreFoundByTheirFirstDigitsWithALimit(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        for i in 1...125 { _ = try lead(store, "Org \(i)") }
        #expect(try store.leadIds(withDigitPrefix: "1", limit: 20) == [1] + Array(10...19) + Array(100...108))
        #expect(try store.leadIds(withDigitPrefix: "12", limit: 200) == [12] + Array(120...125))
        #expect(try store.leadIds(withDigitPrefix: "7", limit: 200) == [7] + Array(70...79))
        #expect(try store.leadIds(withDigitPrefix: "125", limit: 200) == [125])
        #expect(try store.leadIds(withDigitPrefix: "126", limit: 200).isEmpty)
        #expect(try store.leadIds(withDigitPrefix: "", limit: 3) == [1, 2, 3])
        #expect(try store.leadIds(withDigitPrefix: "0", limit: 200).isEmpty)
        #expect(try store.leadIds(withDigitPrefix: "9223372036854775807", limit: 200).isEmpty)
        #expect(try store.leadIds(withDigitPrefix: "1x", limit: 200).isEmpty)
        #expect(try store.leadIds(withDigitPrefix: "1", limit: 0).isEmpty)
    }

    @Test(arguments: Backend.all) func aFieldChangeIsKeptAndAudited(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let l = try lead(store, "Mercy", region: "US-OH")
        let later = t0 + 3600
        let updated = try store.updateLead(id: l.id, field: .beds, value: "320", actor: "ben", at: later)
        #expect(updated.beds == 320 && updated.updatedAt == later)
        try store.updateLead(id: l.id, field: .region, value: nil, actor: "ben", at: later)
        #expect(try store.lead(id: l.id)?.region == nil)
        let entries = try store.audit(lead: l.id).suffix(2)
        #expect(entries.map { "\($0.field ?? ""): \($0.oldValue ?? "-") -> \($0.newValue ?? "-")" } == ["beds: - -> 320", "region: US-OH -> -"])
        #expect(throws: DiscoveryError.failed("no lead L\(l.id + 1)")) {
            try store.updateLead(id: l.id + 1, field: .region, value: "x", actor: "ben", at: later)
        }
    }

    @Test(arguments: Backend.all) func aStageMoveRecordsReasonNoteAndTheFirstMQLMoment(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let l = try lead(store, "Mercy")
        let mqlAt = t0 + 60
        let mql = try store.changeStage(lead: l.id, to: .mql, reason: nil, note: "automatic", actor: "ana", at: mqlAt)
        #expect(mql.stage == .mql && mql.mqlAt == mqlAt && mql.stageChangedAt == mqlAt && mql.stageNote == "automatic")
        let dq = try store.changeStage(lead: l.id, to: .disqualified, reason: .noBudget, note: nil, actor: "ana", at: t0 + 120)
        #expect(dq.stage == .disqualified && dq.stageReason == .noBudget && dq.stageNote == nil)
        // Reaching mql again does not restart the SLA clock.
        let again = try store.changeStage(lead: l.id, to: .mql, reason: nil, note: nil, actor: "ana", at: t0 + 180)
        #expect(again.mqlAt == mqlAt)
        let fields = try store.audit(lead: l.id).filter { $0.action == .update }.map(\.field)
        #expect(fields == ["stage", "stage_note", "mql_at", "stage", "stage_reason", "stage_note", "stage", "stage_reason"])
        // One undo moves the lead back, reason and all.
        _ = try store.undo(actor: "ana", at: t0 + 240)
        let back = try #require(try store.lead(id: l.id))
        #expect(back.stage == .disqualified && back.stageReason == .noBudget)
    }

    @Test(arguments: Backend.all) func contactsAreKeptInOrderAndChangedFieldByField(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let l = try lead(store, "Mercy")
        let ana = try store.addContact(Contact(leadId: l.id, name: "Dr. Ana Ruiz", title: "Chief of Surgery", role: .clinicalLeader,
                                               email: "ana@mercy.org", phone: "+1 555 010 0100", consent: .yes, createdAt: t0), actor: "ana")
        let ben = try store.addContact(Contact(leadId: l.id, name: "Ben Ode", createdAt: t0), actor: "ana")
        #expect(try store.contacts(lead: l.id) == [ana, ben])
        let changed = try store.updateContact(id: ben.id, field: .role, value: "economic-buyer", actor: "sam", at: t0 + 1)
        #expect(changed.role == .economicBuyer)
        try store.updateContact(id: ana.id, field: .consent, value: "no", actor: "sam", at: t0 + 2)
        #expect(try store.contacts(lead: l.id).map(\.consent) == [.no, .unknown])
        #expect(throws: DiscoveryError.failed("no contact #\(ben.id + 1)")) {
            try store.updateContact(id: ben.id + 1, field: .name, value: "x", actor: "sam", at: t0)
        }
        _ = try store.undo(actor: "sam", at: t0 + 3)
        #expect(try store.contacts(lead: l.id).map(\.consent) == [.yes, .unknown])
    }
}

/// A contact's name is kept in parts: given parts are stored as they are; a whole name is split
/// once when added or renamed, and one that cannot be split is listed.
@Suite struct ContactNameContractTests {
    let t0 = ContractTime.t0

    @Test(arguments: Backend.all) func namePartsAreKeptAndAWholeNameIsSplitOnce(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        let lead = try store.createLead(Lead(org: "Mercy", profile: "consumables", createdAt: t0), actor: "ana")
        let given = PersonName(first: "Mary Ann", last: "Smith")
        _ = try store.addContact(Contact(leadId: lead.id, name: "Mary Ann Smith", nameParts: given, createdAt: t0), actor: "ana")
        _ = try store.addContact(Contact(leadId: lead.id, name: "José García, Jr.", createdAt: t0), actor: "ana")
        let whole = try store.addContact(Contact(leadId: lead.id, name: "Ana María López Ruiz", createdAt: t0), actor: "ana")
        #expect(try store.contacts(lead: lead.id).map(\.nameParts)
            == [given, PersonName(first: "José", last: "García", suffix: "Jr."), nil])
        #expect(try store.contactsWithUnsplitNames().map(\.id) == [whole.id])
        try store.updateContact(id: whole.id, field: .name, value: "Ana López", actor: "ana", at: t0 + 1)
        #expect(try store.contacts(lead: lead.id).last?.nameParts == PersonName(first: "Ana", last: "López"))
        #expect(try store.contactsWithUnsplitNames().isEmpty)
    }

    @Test(arguments: Backend.all) func anImportKeepsTheFilesPartsAndAnEmailIsNeverALastName(_ backend: Backend) throws {
        let fixture = try backend.make()
        let store = fixture.store
        var lead = ImportRecord.LeadPart(org: "Mercy")
        lead.region = "US-OH"
        let parts = PersonName(first: "José", last: "García", suffix: "Jr.")
        let items: [ImportItem] = [
            .record(ImportRecord(line: 2, lead: lead, contact: .init(name: parts.display, nameParts: parts))),
            .record(ImportRecord(line: 3, lead: lead, contact: .init(name: "nia@mercy.org", nameParts: PersonName(), email: "nia@mercy.org"))),
        ]
        var rest = items[...]
        _ = try store.importRows(ImportOptions(dryRun: false, actor: "mkto", at: t0, defaultProfile: "consumables"),
                                 next: { () throws(DiscoveryError) -> ImportItem? in rest.popFirst() },
                                 onBad: { _ in }, progress: { _ in })
        let id = try #require(try store.leads().first?.id)
        #expect(try store.contacts(lead: id).map(\.nameParts) == [parts, PersonName()])
    }
}
