import DiscoveryCore
import Foundation
import PostgresNIO

extension PostgresLocation {
    /// How long connecting may take before the server counts as unreachable.
    static let connectTimeout: Int64 = 5

    /// postgres-nio's configuration for this location: `sslmode` as psql means it.
    func configuration() throws(DiscoveryError) -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch sslMode {
            case .disable:
                tls = .disable
            case .allow, .prefer:
                var c = TLSConfiguration.makeClientConfiguration()
                c.certificateVerification = .none
                tls = .prefer(try NIOSSLContext(configuration: c))
            case .require:
                var c = TLSConfiguration.makeClientConfiguration()
                // libpq: `require` with a root certificate given verifies the chain, as verify-ca.
                c.certificateVerification = sslRootCert == nil ? .none : .noHostnameVerification
                if let root = sslRootCert { c.trustRoots = .file(root) }
                tls = .require(try NIOSSLContext(configuration: c))
            case .verifyCA, .verifyFull:
                var c = TLSConfiguration.makeClientConfiguration()
                c.certificateVerification = sslMode == .verifyFull ? .fullVerification : .noHostnameVerification
                if let root = sslRootCert { c.trustRoots = .file(root) }
                tls = .require(try NIOSSLContext(configuration: c))
            }
        } catch {
            throw .storage("\(host):\(port): cannot set up TLS (sslmode=\(sslMode.rawValue)\(sslRootCert.map { ", sslrootcert=\($0)" } ?? "")): \(error)")
        }
        var config = PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                      database: database, tls: tls)
        config.options.connectTimeout = .seconds(Self.connectTimeout)
        // No tlsServerName: postgres-nio sends the host as SNI when it is a name and none for an IP
        // literal (SNI cannot carry one; NIOSSL refuses it), and verify-full then checks the
        // certificate against the name, or against the IP address connected to (an IP SAN).
        // lock_timeout for the whole session, sent with the start-up message: a change waits for a
        // teammate's lock as long as SQLite's busy timeout, at no round trip of its own.
        config.options.additionalStartupParameters = [("TimeZone", "UTC"), ("application_name", "discovery"),
                                                      ("lock_timeout", "\(PostgresStore.lockTimeoutSeconds)s")]
        return config
    }
}
