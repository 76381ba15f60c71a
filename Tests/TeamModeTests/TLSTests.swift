import Foundation
import PostgresTestSupport
import Testing

/// `sslmode` as psql means it, against the test cluster's certificate (signed by its throwaway CA,
/// `DISCOVERY_TEST_PG_CA`, for localhost and 127.0.0.1).
@Suite(.enabled(if: clusterAvailable)) struct TLSTests {
    let ca = ProcessInfo.processInfo.environment["DISCOVERY_TEST_PG_CA"] ?? ""

    /// The admin URL of `db` with `host` and the query `query`.
    func url(_ db: TeamDatabase, host: String, _ query: String) -> String {
        let afterAt = db.adminURL.lastIndex(of: "@").map { db.adminURL[db.adminURL.index(after: $0)...] } ?? ""
        let userInfo = db.adminURL.dropFirst("postgresql://".count).prefix { $0 != "@" }
        let rest = afterAt.drop { $0 != ":" }
        return "postgresql://\(userInfo)@\(host)\(rest)?\(query)"
    }

    @Test func requireAndVerifyingModesUseTLSAndDisableDoesNot() throws {
        #expect(!ca.isEmpty, "DISCOVERY_TEST_PG_CA is not set (scripts/test sets it)")
        let db = try TeamDatabase()
        for (host, query) in [("127.0.0.1", "sslmode=require"), ("127.0.0.1", "sslmode=verify-ca&sslrootcert=\(ca)"),
                              ("localhost", "sslmode=verify-full&sslrootcert=\(ca)")] {
            let status = try TeamBinary.run(["db", "status"], db: url(db, host: host, query))
            #expect(status.status == 0 && status.stdout.contains("tls: yes"), "\(query): \(status.output)")
        }
        let plain = try TeamBinary.run(["db", "status"], db: url(db, host: "127.0.0.1", "sslmode=disable"))
        #expect(plain.stdout.contains("tls: no"))
    }

    /// verify-full to a bare IP: SNI cannot carry an IP literal (NIOSSL refuses one), so none is
    /// sent and the certificate is checked against the address connected to (its IP SAN). The
    /// test cluster also listens on 127.0.0.2, which its certificate does not name.
    @Test func verifyFullToAnIPAddressChecksTheCertificatesIPAddresses() throws {
        let db = try TeamDatabase()
        let named = try TeamBinary.run(["db", "status"], db: url(db, host: "127.0.0.1", "sslmode=verify-full&sslrootcert=\(ca)"))
        #expect(named.status == 0 && named.stdout.contains("tls: yes"), "\(named.output)")
        let reachable = try TeamBinary.run(["db", "status"], db: url(db, host: "127.0.0.2", "sslmode=verify-ca&sslrootcert=\(ca)"))
        #expect(reachable.status == 0, "the cluster should listen on 127.0.0.2 too: \(reachable.output)")
        let unnamed = try TeamBinary.run(["lead", "list"], db: url(db, host: "127.0.0.2", "sslmode=verify-full&sslrootcert=\(ca)"))
        #expect(unnamed.status == 4, "\(unnamed.output)")
        #expect(unnamed.stderr.contains("127.0.0.2") && unnamed.stderr.contains("TLS failed: the server's certificate does not name 127.0.0.2"),
                "\(unnamed.output)")
    }

    @Test func aCertificateThatCannotBeVerifiedIsRefused() throws {
        let db = try TeamDatabase()
        // Not signed by a root the system trusts.
        let unknownRoot = try TeamBinary.run(["lead", "list"], db: url(db, host: "localhost", "sslmode=verify-full"))
        #expect(unknownRoot.status == 4 && unknownRoot.stderr.contains("TLS failed"), "\(unknownRoot.output)")
        let password = db.adminURL.split(separator: ":")[2].split(separator: "@")[0]
        #expect(!unknownRoot.output.contains(password))
        // A root file that does not hold the CA that signed the server certificate.
        let other = NSTemporaryDirectory() + "discovery-other-ca-" + UUID().uuidString
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=another CA",
                             "-keyout", other + ".key", "-out", other + ".pem"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        let wrongRoot = try TeamBinary.run(["lead", "list"], db: url(db, host: "localhost", "sslmode=verify-ca&sslrootcert=\(other).pem"))
        #expect(wrongRoot.status == 4 && wrongRoot.stderr.contains("TLS failed"), "\(wrongRoot.output)")
    }
}
