/// `status --json`'s document written straight as bytes, then laid out as Foundation's pretty
/// printer does (`JSONPrettyLayout`): no `Encoder`, so no generic coding containers and no
/// dynamic casts, whose first use per type costs a scan of the runtime's conformance records
/// in every one-shot `status`.
extension StatusJSON: JSONWritable {
    enum Member: Sendable {
        case own(CodingKeys)
        case verdict(VerdictJSON.CodingKeys)
    }

    static let keys = JSONObjectKeys(CodingKeys.allCases.map(Member.own) + VerdictJSON.CodingKeys.allCases.map(Member.verdict)) { member in
        switch member {
        case .own(let key): key.stringValue
        case .verdict(let key): key.stringValue
        }
    }

    /// The pretty document `JSONText.encode(self)` writes, byte for byte (Foundation's own
    /// encoder when `JSONText.writtenByFoundation` is set, for the tests).
    public var text: String {
        if JSONText.writtenByFoundation { return JSONText.foundationText(self) }
        var json = JSONCompactText(capacity: 2048)
        writeJSON(to: &json)
        return String(decoding: JSONPrettyLayout.pretty(json.bytes), as: UTF8.self)
    }

    func writeJSON(to json: inout JSONCompactText) {
        json.object(Self.keys) { member, json in
            switch member {
            case .own(.lead): json.string(lead)
            case .own(.stage): json.string(stage)
            case .own(.profile): json.string(profile)
            case .own(.askNext): json.strings(askNext)
            case .own(.modelVersion): json.string(modelVersion)
            case .own(.requalify): json.write(requalify)
            case .verdict(let key): verdict.writeValue(of: key, to: &json)
            }
        }
    }
}

extension StatusJSON.Requalify: JSONWritable {
    private enum Member: String, CaseIterable { case trigger, at, due }

    private static let keys = JSONObjectKeys(Member.allCases, name: \.rawValue)

    func writeJSON(to json: inout JSONCompactText) {
        json.object(Self.keys) { member, json in
            switch member {
            case .trigger: json.string(trigger)
            case .at: json.date(at)
            case .due: json.date(due)
            }
        }
    }
}
