import DiscoveryCore
import Foundation
import PostgresNIO

/// Turns driver and server errors into messages that name the server and say what to do, never
/// the password or the bound values (they can hold personal data).
enum PostgresErrors {
    /// SQLSTATE classes and codes this store gives a meaning to.
    static func sqlState(_ error: Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    static func map(_ error: Error, _ location: PostgresLocation, inChange: Bool, connecting: Bool = false) -> DiscoveryError {
        if let e = error as? DiscoveryError { return e }
        let server = "\(location.host):\(location.port)"
        let underlying = String(describing: (error as? PSQLError)?.underlying ?? error)
        if connecting, (error as? PSQLError)?.serverInfo == nil, underlying.contains("failedToValidateHostname") {
            // The chain is trusted, but the certificate names neither the host name nor the IP address connected to.
            return .storage("\(server): TLS failed: the server's certificate does not name \(location.host) (sslmode=verify-full checks that the certificate names the host or IP address you connect to); connect by a name or address it carries, or use sslmode=verify-ca")
        }
        if connecting, (error as? PSQLError)?.serverInfo == nil,
           ["NIOSSL", "certificate", "handshake", "BoringSSL", "verify"].contains(where: underlying.contains) {
            let root = location.sslRootCert.map { " against \($0)" } ?? " against the system's roots (set sslrootcert or PGSSLROOTCERT)"
            return .storage("\(server): TLS failed: the server's certificate could not be verified\(root) (sslmode=\(location.sslMode.rawValue)\(location.sslMode == .verifyFull ? ", which also checks the host name \(location.host)" : ""))")
        }
        if connecting, (error as? PSQLError)?.serverInfo == nil, !(error is NIOSSLError),
           (error as? PSQLError)?.code != .sslUnsupported, (error as? PSQLError)?.code != .authMechanismRequiresPassword {
            return .storage("cannot connect to the PostgreSQL server at \(server) (\(connectDetail(error))); is it running and reachable?")
        }
        let notSaved = inChange ? "; the change was not saved" : ""
        if let psql = error as? PSQLError {
            if let info = psql.serverInfo {
                let state = info[.sqlState] ?? ""
                let message = info[.message] ?? "error"
                switch state {
                case "28P01", "28000":
                    return .storage("\(server): the server refused the login for \(location.user) (wrong password, or no such role); nothing was changed")
                case "3D000":
                    return .storage("\(server): there is no database '\(location.database)'; create it (createdb) and run `discovery db init`")
                case "42501":
                    return .failed("refused by the database: \(message) (your role \(location.user) may not do this)\(notSaved)")
                case "P0001":
                    return .failed("refused by the database: \(message)\(notSaved)")
                case _ where state.hasPrefix("23"):
                    return .failed("refused by the database: \(message)\(notSaved)")
                case "40001", "40P01":
                    return .storage("\(server): a teammate's change collided with this one\(notSaved); try again")
                case "55P03", "57014":
                    return .storage("\(server): the database is locked by a teammate's change (waited \(PostgresStore.lockTimeoutSeconds) s)\(notSaved); try again")
                case "57P01", "57P02", "57P03":
                    return .storage("\(server): the server ended the connection (\(message))\(notSaved): the server rolled it back. Try again")
                case "42P01":
                    return .storage("\(server)/\(location.database): this is not a discovery database (\(message)); run `discovery db init`")
                default:
                    return .storage("\(server): database error \(state): \(message)\(notSaved)")
                }
            }
            switch psql.code {
            case .connectionError:
                return .storage("cannot connect to the PostgreSQL server at \(server) (\(describe(psql.underlying))); is it running and reachable?")
            case .serverClosedConnection, .clientClosedConnection, .uncleanShutdown:
                return .storage("\(server): the connection to the server was lost\(notSaved)\(inChange ? " (the server rolled it back)" : ""); try again")
            case .sslUnsupported:
                return .storage("\(server): the server does not support TLS, and sslmode=\(location.sslMode.rawValue) requires it")
            case .authMechanismRequiresPassword:
                return .storage("\(server): the server asks a password for \(location.user) and none was given (URL, PGPASSWORD or ~/.pgpass)")
            default:
                return .storage("\(server): \(psql.code)\(psql.underlying.map { ": " + describe($0) } ?? "")\(notSaved)")
            }
        }
        if let channel = error as? ChannelError {
            switch channel {
            case .connectTimeout:
                return .storage("cannot connect to the PostgreSQL server at \(server) (no answer within \(PostgresLocation.connectTimeout) s); is it running and reachable?")
            default:
                return .storage("\(server): the connection to the server was lost (\(channel))\(notSaved); try again")
            }
        }
        if error is NIOSSLError || String(describing: type(of: error)).contains("SSL") {
            return .storage("\(server): TLS failed (sslmode=\(location.sslMode.rawValue)): \(error)")
        }
        return .storage("cannot reach the PostgreSQL server at \(server): \(describe(error))\(notSaved)")
    }

    /// The reason a connection failed, in a few words (the driver's text nests several errors).
    private static func connectDetail(_ error: Error) -> String {
        let text = String(describing: (error as? PSQLError)?.underlying ?? error)
        for (needle, words) in [("Connection refused", "connection refused"), ("connectTimeout", "no answer within \(PostgresLocation.connectTimeout) s"),
                                ("unreachable", "network unreachable"), ("No route", "no route to host"),
                                ("Name or service not known", "unknown host"), ("nodename nor servname", "unknown host")]
            where text.contains(needle) {
            return words
        }
        return "the connection failed"
    }

    private static func describe(_ error: Error?) -> String {
        guard let error else { return "no detail" }
        if let io = error as? IOError { return io.description }
        return String(describing: error)
    }
}
