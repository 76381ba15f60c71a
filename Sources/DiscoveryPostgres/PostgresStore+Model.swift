import DiscoveryCore
import DiscoveryStorage
import Foundation

/// The team's scoring model: `sets publish` makes a folder's files a new numbered version;
/// every command evaluates with the newest.
extension PostgresStore {
    /// A published version: who published it when, and its files (path in the folder → text).
    public struct PublishedModel: Sendable {
        public var version: Int64
        public var publishedBy: String
        public var publishedAt: Date
        public var summary: String
        public var files: [String: String]
    }

    /// Stores `files` as the next version, audited unless it is the schema's first model (`db
    /// init`, recorded by its version row alone). `undo` does not revert it: publish the old
    /// folder again. Only `discovery_ops` may publish: the server refuses anyone else.
    public func publishModel(files: [String: String], summary: String, actor: String, at: Date,
                             audited: Bool = true) throws(DiscoveryError) -> Int64 {
        try change(actor: actor, at: at) { s, audit in
            let version = try s.insert("INSERT INTO model_version (published_by, published_at, summary) VALUES ($1, $2, $3)",
                                       .t(actor), .d(at), .t(summary))
            for (path, content) in files.sorted(by: { $0.key < $1.key }) {
                try s.exec("INSERT INTO model_file (version, path, content) VALUES ($1, $2, $3)", .i(version), .t(path), .t(content))
            }
            if audited { try audit.record(lead: nil, action: .create, entity: "model", entityId: version, new: summary) }
            return version
        }
    }

    /// The version in force (without its files), or nil when none was ever published.
    public func modelVersion() throws(DiscoveryError) -> PublishedModel? {
        try statement { s in
            try s.one("SELECT * FROM model_version ORDER BY id DESC LIMIT 1").map { row in
                PublishedModel(version: try row.int64(required: "id"), publishedBy: try row.text(required: "published_by"),
                               publishedAt: try row.date(required: "published_at"), summary: try row.text(required: "summary"),
                               files: [:])
            }
        }
    }

    /// The files of `version`.
    public func modelFiles(version: Int64) throws(DiscoveryError) -> [String: String] {
        try statement { s in
            var files: [String: String] = [:]
            for row in try s.rows("SELECT path, content FROM model_file WHERE version = $1", .i(version)) {
                files[try row.text(required: "path")] = try row.text(required: "content")
            }
            return files
        }
    }
}
