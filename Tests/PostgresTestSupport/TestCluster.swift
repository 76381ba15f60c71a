import DiscoveryPostgres
import Foundation

/// The throwaway PostgreSQL cluster `scripts/pg-test-cluster` starts: its superuser URL comes in
/// `DISCOVERY_TEST_PG_URL`. Databases are made and dropped with psql, independently of the
/// store under test.
public enum TestCluster {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String

        public init(description: String) {
            self.description = description
        }
    }

    public static let url = ProcessInfo.processInfo.environment["DISCOVERY_TEST_PG_URL"].flatMap { $0.isEmpty ? nil : $0 }
    /// In CI the PostgreSQL tests must run.
    public static let required = ProcessInfo.processInfo.environment["CI"] == "true"

    public static func warnSkipped() {
        FileHandle.standardError.write(Data("""

            ************************************************************************************
            WARNING: DISCOVERY_TEST_PG_URL is not set: the PostgreSQL (team mode) tests are SKIPPED.
            Run scripts/test, or start a cluster with scripts/pg-test-cluster start DIR and export its URL.
            ************************************************************************************

            """.utf8))
    }

    public static func adminURL() throws -> String {
        guard let url else {
            throw Failure(description: "CI=true but DISCOVERY_TEST_PG_URL is not set: the PostgreSQL tests must run in CI (scripts/test starts the cluster)")
        }
        return url
    }

    /// `url` with its database replaced by `database`.
    public static func url(database: String) throws -> String {
        let admin = try adminURL()
        guard let slash = admin.range(of: "/", options: .backwards), admin[..<slash.lowerBound].contains("@") else {
            return admin + "/" + database
        }
        return admin[..<slash.upperBound] + database
    }

    public static func location(database: String) throws -> PostgresLocation {
        try PostgresLocation.parse(try url(database: database), environment: [:])
    }

    /// Runs SQL with psql as the cluster's superuser (on `database`, else the admin database).
    @discardableResult
    public static func psql(_ sql: String, database: String? = nil, url explicit: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        let target = try explicit ?? (database.map { try url(database: $0) } ?? adminURL())
        process.arguments = [target, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "psql failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    public static func createDatabase() throws -> String {
        let name = "contract_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try psql("CREATE DATABASE \(name)")
        return name
    }

    public static func dropDatabase(_ name: String) {
        _ = try? psql("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}
