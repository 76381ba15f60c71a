import DiscoveryCore
import Foundation

/// Where a team database is and how to reach it, as psql would: a `postgresql://` (or
/// `postgres://`) URL, what it leaves out from libpq's variables (`PGHOST`, `PGPORT`, `PGUSER`,
/// `PGDATABASE`, `PGPASSWORD`, `PGSSLMODE`, `PGSSLROOTCERT`), and the password from
/// `~/.pgpass` (`PGPASSFILE`). Pure: the environment and file reader are passed in.
public struct PostgresLocation: Sendable, Equatable {
    /// libpq's `sslmode`, with its meaning.
    public enum SSLMode: String, Sendable, CaseIterable {
        case disable, allow, prefer, require
        case verifyCA = "verify-ca"
        case verifyFull = "verify-full"
    }

    public var host: String
    public var port: Int
    public var user: String
    public var database: String
    public var password: String?
    public var sslMode: SSLMode
    public var sslRootCert: String?

    /// Whether `location` (a `--db` value) names a PostgreSQL database rather than a SQLite file.
    public static func isPostgresURL(_ location: String) -> Bool {
        location.hasPrefix("postgresql://") || location.hasPrefix("postgres://")
    }

    /// What `db status` and errors show: never the password.
    public var display: String { "\(host):\(port)/\(database) as \(user)" }

    /// Parses `url`; `environment` holds the PG* variables and HOME, `readFile` reads the password file.
    public static func parse(_ url: String, environment: [String: String],
                             readFile: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }) throws(DiscoveryError) -> PostgresLocation {
        try parse(url, lookup: { environment[$0] }, readFile: readFile)
    }

    /// The same, the variables looked up one by one.
    public static func parse(_ url: String, lookup: (String) -> String?,
                             readFile: (String) -> String? = { try? String(contentsOfFile: $0, encoding: .utf8) }) throws(DiscoveryError) -> PostgresLocation {
        let scheme = url.hasPrefix("postgresql://") ? "postgresql://" : url.hasPrefix("postgres://") ? "postgres://" : nil
        guard let scheme else {
            throw .usage("--db: '\(redacted(url))' is not a PostgreSQL URL (postgresql://[user[:password]@][host][:port][/dbname][?sslmode=...])")
        }
        var rest = Substring(url.dropFirst(scheme.count))
        var query = ""
        if let q = rest.firstIndex(of: "?") {
            query = String(rest[rest.index(after: q)...])
            rest = rest[..<q]
        }
        var path = ""
        if let slash = rest.firstIndex(of: "/") {
            path = String(rest[rest.index(after: slash)...])
            rest = rest[..<slash]
        }
        var userInfo: Substring?
        if let at = rest.lastIndex(of: "@") {
            userInfo = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        var user: String?
        var password: String?
        if let userInfo {
            if let colon = userInfo.firstIndex(of: ":") {
                user = try decode(userInfo[..<colon], part: "user name", url: url)
                password = try decode(userInfo[userInfo.index(after: colon)...], part: "password", url: url)
            } else {
                user = try decode(userInfo, part: "user name", url: url)
            }
        }
        var host: String?
        var portText: String?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw .usage("--db: '\(redacted(url))': the IPv6 host has no closing ']'")
            }
            host = String(rest[rest.index(after: rest.startIndex)..<close])
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = String(after.dropFirst()) } else if !after.isEmpty {
                throw .usage("--db: '\(redacted(url))': unexpected '\(after)' after the host")
            }
        } else if let colon = rest.firstIndex(of: ":") {
            host = String(rest[..<colon])
            portText = String(rest[rest.index(after: colon)...])
        } else if !rest.isEmpty {
            host = String(rest)
        }
        var params: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = try decode(parts[0], part: "parameter", url: url)
            let value = parts.count > 1 ? try decode(parts[1], part: "parameter \(key)", url: url) : ""
            guard ["sslmode", "sslrootcert", "user", "password", "host", "port", "dbname", "connect_timeout", "application_name"].contains(key) else {
                throw .usage("--db: '\(redacted(url))': unknown parameter '\(key)' (known: sslmode, sslrootcert, user, password, host, port, dbname)")
            }
            params[key] = value
        }
        func env(_ name: String) -> String? { lookup(name).flatMap { $0.isEmpty ? nil : $0 } }
        let finalHost = params["host"] ?? host.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGHOST") ?? "localhost"
        let finalPortText = params["port"] ?? portText.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGPORT") ?? "5432"
        guard let port = Int(finalPortText), (1...65_535).contains(port) else {
            throw .usage("--db: '\(redacted(url))': the port '\(finalPortText)' is not a number from 1 to 65535")
        }
        let finalUser = params["user"] ?? user.flatMap { $0.isEmpty ? nil : $0 } ?? env("PGUSER") ?? env("USER") ?? "postgres"
        let dbName = try path.isEmpty ? nil : decode(Substring(path), part: "database name", url: url)
        let database = params["dbname"] ?? dbName ?? env("PGDATABASE") ?? finalUser
        let modeText = params["sslmode"] ?? env("PGSSLMODE") ?? "prefer"
        guard let mode = SSLMode(rawValue: modeText) else {
            throw .usage("--db: unknown sslmode '\(modeText)' (one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var location = PostgresLocation(host: finalHost, port: port, user: finalUser, database: database,
                                        password: params["password"] ?? password ?? env("PGPASSWORD"), sslMode: mode,
                                        sslRootCert: params["sslrootcert"] ?? env("PGSSLROOTCERT"))
        if location.password == nil {
            let file = env("PGPASSFILE") ?? env("HOME").map { $0 + "/.pgpass" }
            if let file, let text = readFile(file) {
                location.password = PGPassFile.password(in: text, host: finalHost, port: port, database: database, user: finalUser)
            }
        }
        return location
    }

    private static func decode(_ part: Substring, part name: String, url: String) throws(DiscoveryError) -> String {
        guard let text = String(part).removingPercentEncoding else {
            throw .usage("--db: '\(redacted(url))': the \(name) has a bad %-escape")
        }
        return text
    }

    /// `url` with any password replaced by `***`: what an error may quote.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let afterScheme = url[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? afterScheme.endIndex
        var out = url
        if let at = afterScheme[..<authorityEnd].lastIndex(of: "@"),
           let colon = afterScheme[..<at].firstIndex(of: ":") {
            out.replaceSubrange(afterScheme.index(after: colon)..<at, with: "***")
        }
        if let range = out.range(of: "password=") {
            let end = out[range.upperBound...].firstIndex(of: "&") ?? out.endIndex
            out.replaceSubrange(range.upperBound..<end, with: "***")
        }
        return out
    }
}

/// The password file psql reads: `hostname:port:database:username:password`, `*` matching
/// anything, `\:` and `\\` escaped; the first matching line wins.
enum PGPassFile {
    static func password(in text: String, host: String, port: Int, database: String, user: String) -> String? {
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = split(line)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            let hostMatches = fields[0] == "*" || fields[0] == host
            if hostMatches && zip(fields[1...3], wanted[1...3]).allSatisfy({ $0 == "*" || $0 == $1 }) {
                return fields[4]
            }
        }
        return nil
    }

    private static func split(_ line: Substring) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for ch in line {
            if escaped { current.append(ch); escaped = false } else if ch == "\\" { escaped = true } else if ch == ":" && fields.count < 4 {
                fields.append(current); current = ""
            } else { current.append(ch) }
        }
        fields.append(current)
        return fields
    }
}
