import DiscoveryCore

/// How a process ends its use of a backend.
public protocol StorageLifetime: AnyObject, Sendable {
    /// Ends the connection now: SQLite checkpoints its WAL and closes the file, PostgreSQL ends
    /// its session. Every change was committed when it was made, so nothing is lost when closing
    /// fails; nothing may be asked of the store afterwards. What the program does just before it
    /// exits: the process then ends without tearing the store down.
    func close()
}
