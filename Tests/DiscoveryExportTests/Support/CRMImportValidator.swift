import DiscoveryCore
import Testing
@testable import DiscoveryExport

/// What HubSpot's and Salesforce's documented import rules say of a file, checked over every
/// export a test writes, apart from the code under test (its lists are copied from the
/// vendors' pages, not read from `CRMMapping` or `SalesforceFields`):
/// - HubSpot ("Set up your import file"): every contact row has a first name, last name or
///   email; `lifecyclestage` is one of the default internal values (or empty); a lead known to
///   have reached MQL is never written below it ("Use lifecycle stages": stages move forward).
/// - Salesforce (Field Reference Guide, "Lead"; "Data Import Wizard"): `LastName` and
///   `Company` present; `Salutation`, `Status`, `Rating` within the default picklists, `Status`
///   never a converted value; text within the field lengths; booleans `true` / `false`.
enum CRMImportValidator {
    static let hubSpotLifecycle: [String] = ["subscriber", "lead", "marketingqualifiedlead", "salesqualifiedlead",
                                             "opportunity", "customer", "evangelist", "other"]
    static let salutations: Set<String> = ["", "Mr.", "Ms.", "Mrs.", "Dr.", "Prof."]
    static let statuses: Set<String> = ["Open - Not Contacted", "Working - Contacted", "Closed - Not Converted"]
    static let ratings: Set<String> = ["", "Hot", "Warm", "Cold"]
    static let lengths: [String: Int] = ["FirstName": 40, "LastName": 80, "Company": 255, "Email": 80, "Title": 128,
                                         "Phone": 40, "Website": 255, "LeadSource": 40, "Description": 32_000]

    /// The problems of `text`, an export in `format`; `reachedMQL`: the emails of people whose
    /// lead reached MQL (their lifecycle stage must not go below it).
    static func problems(_ text: String, format: ExportFormat, reachedMQL: Set<String> = []) throws -> [String] {
        let rows = try ReferenceCSV.parse(text)
        guard let header = rows.first else { return ["no header"] }
        var problems: [String] = []
        for (n, row) in rows.dropFirst().enumerated() {
            let line = n + 2
            let cell = Dictionary(zip(header, row), uniquingKeysWith: { a, _ in a })
            switch format {
            case .hubspot:
                if [cell["firstname"], cell["lastname"], cell["email"]].allSatisfy({ ($0 ?? "").isEmpty }) {
                    problems.append("line \(line): no firstname, lastname or email")
                }
                let stage = cell["lifecyclestage"] ?? ""
                if !stage.isEmpty && !hubSpotLifecycle.contains(stage) {
                    problems.append("line \(line): lifecyclestage '\(stage)' is not a default value")
                }
                if let email = cell["email"], reachedMQL.contains(email), let at = hubSpotLifecycle.firstIndex(of: stage),
                   at < 2 {
                    problems.append("line \(line): lifecyclestage '\(stage)' moves \(email) backward from MQL")
                }
            case .salesforce:
                for required in ["LastName", "Company"] where (cell[required] ?? "").isEmpty {
                    problems.append("line \(line): \(required) is required")
                }
                if !salutations.contains(cell["Salutation"] ?? "") { problems.append("line \(line): Salutation '\(cell["Salutation"] ?? "")'") }
                if !statuses.contains(cell["Status"] ?? "") { problems.append("line \(line): Status '\(cell["Status"] ?? "")'") }
                if !ratings.contains(cell["Rating"] ?? "") { problems.append("line \(line): Rating '\(cell["Rating"] ?? "")'") }
                for (field, max) in lengths where (cell[field] ?? "").count > max {
                    problems.append("line \(line): \(field) is longer than \(max)")
                }
                for flag in ["DoNotCall", "HasOptedOutOfEmail"] where !["true", "false"].contains(cell[flag] ?? "") {
                    problems.append("line \(line): \(flag) '\(cell[flag] ?? "")' is not true or false")
                }
            case .csv, .json:
                break
            }
        }
        return problems
    }

    /// Records an issue for each problem.
    static func check(_ text: String, format: ExportFormat, reachedMQL: Set<String> = [],
                      sourceLocation: SourceLocation = #_sourceLocation) {
        guard format == .hubspot || format == .salesforce else { return }
        do {
            let found = try problems(text, format: format, reachedMQL: reachedMQL)
            #expect(found.isEmpty, "\(format.rawValue) import rules: \(found.joined(separator: "; "))", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(format.rawValue) export does not parse: \(error)", sourceLocation: sourceLocation)
        }
    }
}
