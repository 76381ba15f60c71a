import DiscoveryCore

/// Everything the commands ask of the database, as one existential: `any Storage`.
///
/// Each topic is its own protocol (leads, contacts, answers, calls, ...), in the manner of
/// GRDB's `DatabaseReader` / `DatabaseWriter`; a backend (SQLite in `DiscoveryStore`, later
/// PostgreSQL) conforms to all of them. The protocols speak only domain values: no SQL, no
/// driver type. The rules (what an import matches, what `undo` reverts to, what a new answer
/// revision holds) are pure functions in `DiscoveryCore`; a backend only reads and writes.
///
/// Every method that changes something is one committed transaction that also appends its
/// audit entries under one change id, unique and ordered however many writers there are.
/// Every method throws `DiscoveryError`: `.storage` (exit 4) for the backend's failures,
/// `.failed` (exit 1) for a refused change (no such lead, a call already open).
public typealias Storage = LeadStorage & ContactStorage & AnswerStorage & CallStorage & SignalStorage
    & NextStepStorage & RecordStorage & ReportStorage & ImportStorage & AuditStorage & RoutingStorage
    & AcceptanceStorage & RequalifyStorage & VerdictBasisStorage & StorageLifetime
