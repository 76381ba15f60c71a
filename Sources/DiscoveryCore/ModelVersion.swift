/// The scoring model a verdict was computed with: on a team database the published version in
/// force (`sets publish`); on a SQLite file the local question-set folder, named by a hash of
/// its files' contents (two people whose folders hash alike get the same verdicts).
public enum ModelVersion: Sendable, Equatable, CustomStringConvertible {
    /// Version `n` of the team's published model: `team v3`.
    case published(Int64)
    /// A local folder, by a hash of its YAML files: `local 9f86d081884c7d65`; `local` alone when
    /// the sets did not come from a folder (in-process tests).
    case local(digest: String?)

    public var description: String {
        switch self {
        case .published(let version): "team v\(version)"
        case .local(let digest): digest.map { "local \($0)" } ?? "local"
        }
    }
}
