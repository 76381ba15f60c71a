import DiscoveryCore
import DiscoveryPostgres
import DiscoveryShell
import Foundation

/// `discovery sets publish DIR | sets show | sets pull DIR`: the team's scoring model (SPEC 10).
enum SetsCommand {
    static let usage = "usage: discovery sets publish DIR | sets show | sets pull DIR"

    static func run(_ words: [String], location: String, env: Environment, out: StandardStream) throws(DiscoveryError) -> Int32 {
        guard let sub = words.first else { throw .usage("sets needs a subcommand\n\(usage)") }
        let args = Array(words.dropFirst())
        guard PostgresLocation.isPostgresURL(location) else {
            throw .usage("sets \(sub) needs a team database (--db postgresql://...); a SQLite file reads its question sets from --question-sets")
        }
        let store = try PostgresStore.open(try PostgresLocation.parse(location, lookup: env.lookup))
        switch sub {
        case "publish":
            guard args.count == 1 else { throw .usage("sets publish needs one folder: sets publish DIR") }
            let (version, summary) = try TeamModel.publish(args[0], to: store, actor: try store.sessionUser(), at: env.fixedNow ?? Date())
            out.write("published \(args[0]) as version \(version) of the team's model (\(summary))\n")
        case "show":
            guard args.isEmpty else { throw .usage("sets show takes no arguments") }
            guard let model = try store.modelVersion() else {
                out.write("no model published yet; ops: discovery sets publish DIR\n")
                return 0
            }
            out.write("version \(model.version), published by \(model.publishedBy) at \(Dates.iso(model.publishedAt)) (\(model.summary))\n")
        case "pull":
            guard args.count == 1 else { throw .usage("sets pull needs one folder: sets pull DIR") }
            let target = args[0]
            if let existing = try? FileManager.default.contentsOfDirectory(atPath: target), !existing.isEmpty {
                throw .failed("sets pull \(target): the folder is not empty; pull into a new or empty folder")
            }
            guard let model = try store.modelVersion() else { throw .failed("no model published yet; nothing to pull") }
            let files = try store.modelFiles(version: model.version)
            do {
                try FileManager.default.createDirectory(atPath: target + "/profiles", withIntermediateDirectories: true)
                for (path, text) in files.sorted(by: { $0.key < $1.key }) {
                    try text.write(toFile: target + "/" + path, atomically: true, encoding: .utf8)
                }
            } catch {
                throw .failed("sets pull \(target): cannot write the files: \(error.localizedDescription)")
            }
            out.write("wrote version \(model.version) (\(files.count) files) to \(target)\n")
        default:
            throw .usage("unknown sets subcommand '\(sub)'\n\(usage)")
        }
        return 0
    }
}
