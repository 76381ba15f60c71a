import DiscoveryCore

/// A shell command: its grammar and what it does.
public struct Command: Sendable {
    public let spec: CommandSpec
    public let run: @Sendable (Invocation, Session) throws -> Void

    public init(_ spec: CommandSpec, run: @escaping @Sendable (Invocation, Session) throws -> Void) {
        self.spec = spec
        self.run = run
    }
}
