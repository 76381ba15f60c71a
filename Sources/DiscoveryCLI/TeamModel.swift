import DiscoveryCore
import DiscoveryPostgres
import DiscoveryShell
import Foundation
import QuestionSets

/// The team's published scoring model as a folder the question-set loader reads: each version
/// is written once under `$XDG_CACHE_HOME/discovery/team/SERVER-DB/vN` and read from there
/// after (versions never change), so a command costs one look at the version in force.
enum TeamModel {
    /// The files a model folder consists of: `*.yaml` (sets and `signals.yaml`) and `profiles/*.yaml`.
    static func files(in directory: String) throws(DiscoveryError) -> [String: String] {
        var files: [String: String] = [:]
        for sub in ["", "profiles/"] {
            let folder = directory + "/" + sub
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            for name in names.sorted() where name.hasSuffix(".yaml") {
                guard let text = try? String(contentsOfFile: folder + name, encoding: .utf8) else {
                    throw .dataFile("\(folder + name): cannot be read as UTF-8 text")
                }
                files[sub + name] = text
            }
        }
        return files
    }

    /// The folder holding the version of the model in force on `store`'s database, and that version.
    /// `model`: the version in force when already known (read at open), else asked for.
    static func folder(_ store: PostgresStore, model known: PostgresStore.PublishedModel?? = nil,
                       env: Environment) throws(DiscoveryError) -> (folder: String, version: Int64) {
        let inForce: PostgresStore.PublishedModel?
        if let known { inForce = known } else { inForce = try store.modelVersion() }
        guard let model = inForce else {
            throw .dataFile("no scoring model is published on \(store.location.display); ops: run `discovery sets publish DIR`")
        }
        let key = "\(store.location.host)-\(store.location.port)-\(store.location.database)"
            .map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" }
        let base = (env["XDG_CACHE_HOME"] ?? env.home + "/.cache") + "/discovery/team/" + String(key)
        let folder = base + "/v\(model.version)"
        if FileManager.default.fileExists(atPath: folder) { return (folder, model.version) }
        let files = try store.modelFiles(version: model.version)
        let staging = base + "/.v\(model.version)-" + UUID().uuidString
        do {
            try FileManager.default.createDirectory(atPath: staging + "/profiles", withIntermediateDirectories: true)
            for (path, text) in files { try text.write(toFile: staging + "/" + path, atomically: false, encoding: .utf8) }
            try FileManager.default.moveItem(atPath: staging, toPath: folder)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            // A teammate's process on this machine may have written it meanwhile.
            if FileManager.default.fileExists(atPath: folder) { return (folder, model.version) }
            throw .storage("\(base): cannot write the team's model (version \(model.version)) to the cache folder: \(error.localizedDescription)")
        }
        return (folder, model.version)
    }

    /// Lints `directory` and publishes it as the next version; its version and lint summary.
    /// `audited: false` only for the first model of a new schema (`db init`, `db copy`).
    static func publish(_ directory: String, to store: PostgresStore, actor: String, at: Date,
                        audited: Bool = true) throws(DiscoveryError) -> (Int64, String) {
        let report = CatalogLoader.lint(directory: directory)
        guard report.isValid else { throw report.error }
        let files = try files(in: directory)
        let version = try store.publishModel(files: files, summary: report.summary, actor: actor, at: at, audited: audited)
        return (version, report.summary)
    }
}

extension TeamModel {
    /// Publishes `folder` (the bundled question sets when nil) as the first model of a schema just created.
    static func publishFirst(_ folder: String?, to store: PostgresStore, env: Environment, out: StandardStream) throws(DiscoveryError) {
        guard let source = folder ?? BundledQuestionSets.locate() else {
            out.write("no bundled question sets found: publish the team's model with `discovery sets publish DIR`\n")
            return
        }
        let (model, summary) = try publish(source, to: store, actor: try store.sessionUser(), at: env.fixedNow ?? Date(), audited: false)
        out.write("published \(folder ?? "the bundled question sets") as model version \(model) (\(summary))\n")
    }
}
