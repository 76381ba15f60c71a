import DiscoveryCore
import Foundation
import GRDB

/// Row → value mappings, kept in one place so every query reads records the same way.
extension Lead {
    init(row: Row) {
        self.init(id: row["id"], org: row["org"], type: row["type"], specialty: row["specialty"],
                  region: row["region"], beds: row["beds"], source: row["source"], profile: row["profile"],
                  consent: Consent(rawValue: row["consent"]) ?? .unknown, owner: row["owner"],
                  stage: Stage(rawValue: row["stage"]) ?? .new,
                  stageReason: (row["stage_reason"] as String?).flatMap(ReasonCode.init(rawValue:)),
                  stageNote: row["stage_note"], createdAt: row.requiredDate("created_at"),
                  updatedAt: row.date("updated_at"), stageChangedAt: row.date("stage_changed_at"),
                  mqlAt: row.date("mql_at"))
    }
}

extension Contact {
    init(row: Row) {
        self.init(id: row["id"], leadId: row["lead_id"], name: row["name"], title: row["title"],
                  role: (row["role"] as String?).flatMap(ContactRole.init(rawValue:)),
                  email: row["email"], phone: row["phone"],
                  consent: Consent(rawValue: row["consent"]) ?? .unknown, createdAt: row.requiredDate("created_at"))
    }
}

/// Answer values are stored as JSON so every type round-trips exactly.
enum AnswerCoding {
    static func encode(_ value: AnswerValue?) -> String? {
        guard let value else { return nil }
        let data = try! JSONEncoder().encode(value)   // encoding an enum of plain values cannot fail
        return String(decoding: data, as: UTF8.self)
    }

    static func decode(_ text: String?) -> AnswerValue? {
        guard let text else { return nil }
        return try? JSONDecoder().decode(AnswerValue.self, from: Data(text.utf8))
    }
}
