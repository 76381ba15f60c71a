import DiscoveryCore
import DiscoveryStorage

// The fields `lead set` and `contact set` take, as words typed by a user. (The conformances
// move beside the enums once those leave DiscoveryStore for the storage interface.)

extension LeadField: FixedListValue {
    public static let valueName = "lead field"
    public static let listName = "Fields"
}

extension ContactField: FixedListValue {
    public static let valueName = "contact field"
    public static let listName = "Fields"
}
