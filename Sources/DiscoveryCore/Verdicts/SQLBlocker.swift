import Foundation

/// One condition that keeps a lead from the `sql-ready` verdict (SPEC §7): a gate not met,
/// fit below the profile's `sql.min-fit`, or a hard stop.
public enum SQLBlocker: Sendable, Equatable, CustomStringConvertible {
    case gatesMissing([String])
    case fitBelowMinimum(fit: Int, minFit: Int)
    case hardStops([ReasonCode])

    public var description: String {
        switch self {
        case .gatesMissing(let gates): "gates missing: \(gates.joined(separator: ", "))"
        case .fitBelowMinimum(let fit, let minFit): "fit \(fit) below sql.min-fit \(minFit)"
        case .hardStops(let reasons): "hard stops: \(reasons.map(\.rawValue).joined(separator: ", "))"
        }
    }
}

extension Verdict {
    /// Every unmet condition of `sql-ready`, in the order gates, fit, hard stops; empty exactly
    /// when the verdict is `sql-ready`. `minFit` is the profile's `sql.min-fit`.
    public func sqlBlockers(minFit: Int) -> [SQLBlocker] {
        var blockers: [SQLBlocker] = []
        if !missingGates.isEmpty { blockers.append(.gatesMissing(missingGates)) }
        if scores.fit < minFit { blockers.append(.fitBelowMinimum(fit: scores.fit, minFit: minFit)) }
        if !hardStops.isEmpty { blockers.append(.hardStops(hardStopReasons)) }
        return blockers
    }
}
