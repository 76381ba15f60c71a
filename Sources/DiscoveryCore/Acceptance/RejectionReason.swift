import Foundation

/// Why sales sent an MQL back to marketing (SPEC §11): a disqualification code, or `wrong-role`
/// (the person is not the one who buys). Counted apart from disqualifications.
public enum RejectionReason: Sendable, Hashable, CaseIterable, RawRepresentable, Codable {
    case disqualification(ReasonCode)
    case wrongRole

    /// The disqualification codes in SPEC §5 order, then `wrong-role`.
    public static var allCases: [RejectionReason] { ReasonCode.allCases.map(Self.disqualification) + [.wrongRole] }

    public init?(rawValue: String) {
        if rawValue == "wrong-role" {
            self = .wrongRole
        } else if let code = ReasonCode(rawValue: rawValue) {
            self = .disqualification(code)
        } else {
            return nil
        }
    }

    public var rawValue: String {
        switch self {
        case .disqualification(let code): return code.rawValue
        case .wrongRole: return "wrong-role"
        }
    }

    /// `other` says nothing by itself: it needs a note.
    public var requiresNote: Bool { self == .disqualification(.other) }
}

/// One rejection by sales, as recorded.
public struct Rejection: Sendable, Equatable {
    public var id: Int64
    public var leadId: Int64
    public var reason: RejectionReason
    public var note: String?
    public var actor: String
    public var at: Date

    public init(id: Int64 = 0, leadId: Int64, reason: RejectionReason, note: String?, actor: String, at: Date) {
        self.id = id
        self.leadId = leadId
        self.reason = reason
        self.note = note
        self.actor = actor
        self.at = at
    }
}
