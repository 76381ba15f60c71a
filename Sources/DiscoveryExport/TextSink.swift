import DiscoveryCore

/// Where a writer's text goes: a file written safely, or standard output. Writing may fail
/// (a full disk): the error says so and carries exit code 4.
public protocol TextSink: AnyObject {
    func write(_ text: String) throws(DiscoveryError)
}
