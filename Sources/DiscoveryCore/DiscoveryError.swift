/// A user-facing failure: what went wrong, what to do, and the exit code it maps to (SPEC §2).
public struct DiscoveryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Int32, Sendable {
        /// A command failed: bad argument, unknown lead, refused transition.
        case failed = 1
        /// The command line itself is malformed.
        case usage = 2
        /// A question set, profile or signals file is invalid.
        case dataFile = 3
        /// The database is locked, read-only, corrupt or the disk is full.
        case storage = 4
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public static func failed(_ message: String) -> DiscoveryError { .init(.failed, message) }
    public static func usage(_ message: String) -> DiscoveryError { .init(.usage, message) }
    public static func dataFile(_ message: String) -> DiscoveryError { .init(.dataFile, message) }
    public static func storage(_ message: String) -> DiscoveryError { .init(.storage, message) }

    public var exitCode: Int32 { kind.rawValue }
    public var description: String { message }
}
