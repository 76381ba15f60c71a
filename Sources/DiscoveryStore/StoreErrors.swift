import DiscoveryCore
import DiscoveryStorage
import Foundation
import GRDB

/// Turns SQLite errors into messages that name the file and say what to do, never the bound
/// values (they can hold personal data).
enum StoreErrors {
    static func map(_ error: Error, path: String) -> DiscoveryError {
        if let e = error as? DiscoveryError { return e }
        guard let db = error as? DatabaseError else {
            return .storage("\(path): \(error.localizedDescription)")
        }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return .storage("\(path): the database is locked by another process (waited \(Int(SQLiteStore.busyTimeout)) s); nothing was changed, try again")
        case .SQLITE_READONLY:
            return .storage("\(path): the database is read-only; nothing was changed. Check the file's and folder's permissions")
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return .storage("\(path): the database file is corrupt; it was left untouched. Restore it from a backup")
        case .SQLITE_FULL:
            return .storage("\(path): the disk is full; nothing was changed. Free some space and try again")
        case .SQLITE_CANTOPEN:
            return .storage("\(path): cannot open the database (missing folder or no permission)")
        case .SQLITE_IOERR:
            return .storage("\(path): input/output error on the database; nothing was changed")
        case .SQLITE_CONSTRAINT:
            return .failed("refused by the database: \(db.message ?? "constraint failed")")
        default:
            return .storage("\(path): database error \(db.resultCode.rawValue): \(db.message ?? "unknown")")
        }
    }
}
