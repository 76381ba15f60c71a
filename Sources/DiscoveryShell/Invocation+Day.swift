import DiscoveryCore
import Foundation

extension Invocation {
    /// The day an option names (`--since 2026-01-01`, midnight UTC); `nil` when not given.
    /// An impossible or malformed day fails, quoting it.
    func dayOption(_ name: String) throws(DiscoveryError) -> Date? {
        guard let text = option(name) else { return nil }
        guard let day = Dates.parseDay(text) else {
            if let why = Dates.impossibleDay(text) { throw .failed("invalid \(name): \(why)") }
            throw .failed("invalid \(name) '\(text)': expected a day, YYYY-MM-DD")
        }
        return day
    }
}
