/// A contact written straight as compact JSON: the members of its `Encodable` form, in key order.
extension ContactJSON: JSONWritable {
    private enum Member: String, CaseIterable { case name, title, role, email, phone, consent }

    private static let keys = JSONObjectKeys(Member.allCases, name: \.rawValue)

    func writeJSON(to json: inout JSONCompactText) {
        json.object(Self.keys) { member, json in
            switch member {
            case .name: json.string(name)
            case .title: json.string(title)
            case .role: json.string(role)
            case .email: json.string(email)
            case .phone: json.string(phone)
            case .consent: json.string(consent)
            }
        }
    }
}
