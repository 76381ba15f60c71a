/// Due items handed out one at a time, in the order they are shown: a list in memory, or one
/// sorted in bounded memory and read back from disk (which may fail, hence the typed throw).
/// What the `due` renderers take, so neither needs the whole list at once.
public protocol DueItemSource {
    /// Calls `body` with each item in order; stops at the first error `body` or the reading throws.
    func forEachItem(_ body: (borrowing DueItem) throws(DiscoveryError) -> Void) throws(DiscoveryError)
}

extension Array: DueItemSource where Element == DueItem {
    /// The items in the array's order, each lent in place (not copied out).
    public func forEachItem(_ body: (borrowing DueItem) throws(DiscoveryError) -> Void) throws(DiscoveryError) {
        for i in indices { try body(self[i]) }
    }
}
