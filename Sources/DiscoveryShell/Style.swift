/// Terminal colour, only when it is wanted (a TTY, not `TERM=dumb`, no `NO_COLOR`, no `--no-color`).
public struct Style: Sendable {
    public let enabled: Bool
    public init(enabled: Bool) { self.enabled = enabled }

    public func bold(_ s: String) -> String { wrap(s, "1") }
    public func yellow(_ s: String) -> String { wrap(s, "33") }
    public func red(_ s: String) -> String { wrap(s, "31") }

    private func wrap(_ s: String, _ code: String) -> String {
        enabled ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
