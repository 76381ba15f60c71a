/// The verdict keys written straight as compact JSON, as members of the object that carries
/// them (`export --format json` puts them beside the lead's fields).
extension VerdictJSON {
    /// The value of the member `key`, as the `Encodable` form writes it.
    func writeValue(of key: CodingKeys, to json: inout JSONCompactText) {
        switch key {
        case .verdict: json.string(verdict)
        case .mql: json.bool(mql)
        case .scores: json.write(scores)
        case .bands: json.write(bands)
        case .gates: json.object(gates)
        case .missingGates: json.strings(missingGates)
        case .hardStops: json.strings(hardStops)
        case .flags: json.strings(flags)
        }
    }
}

extension VerdictJSON.Scores: JSONWritable {
    private enum Member: String, CaseIterable { case fit, intent, readiness }

    private static let keys = JSONObjectKeys(Member.allCases, name: \.rawValue)

    func writeJSON(to json: inout JSONCompactText) {
        json.object(Self.keys) { member, json in
            switch member {
            case .fit: json.integer(fit)
            case .intent: json.integer(intent)
            case .readiness: json.integer(readiness)
            }
        }
    }
}

extension VerdictJSON.Bands: JSONWritable {
    private enum Member: String, CaseIterable { case fit, intent, readiness }

    private static let keys = JSONObjectKeys(Member.allCases, name: \.rawValue)

    func writeJSON(to json: inout JSONCompactText) {
        json.object(Self.keys) { member, json in
            switch member {
            case .fit: json.string(fit)
            case .intent: json.string(intent)
            case .readiness: json.string(readiness)
            }
        }
    }
}
