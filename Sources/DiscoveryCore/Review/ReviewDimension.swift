/// What `report review --by` splits the MQLs into cohorts by (SPEC §12).
public enum ReviewDimension: String, FixedListValue, Codable {
    case source, signal, specialty, profile, owner
    case fitBand = "fit-band"

    public static let valueName = "cohort"
    public static let listName = "Cohorts"
    /// `--by` shapes the command line, as `--format` does: an unknown word is a usage error.
    public static var unknownKind: DiscoveryError.Kind { .usage }
}
