/// A band per lead, kept compactly: the lead ids in increasing order beside their bands (nine
/// bytes a lead), looked up by halving. What `report review --by fit-band` holds of the
/// whole-book evaluation while it folds the MQLs: the band of each MQL of the period, no more.
public struct LeadBands: Sendable, Equatable {
    private var ids: [Int64] = []
    private var bands: [BandLevel] = []
    private var sorted = true

    public init() {}

    public var count: Int { ids.count }

    /// Sets `id`'s band; in increasing id order the ids stay in order as they come (the
    /// whole-book read's order), otherwise they are put in order before the first look-up.
    public mutating func set(_ id: Int64, _ band: BandLevel) {
        if let last = ids.last, id <= last { sorted = false }
        ids.append(id)
        bands.append(band)
    }

    /// Puts the ids in order (the later band of an id given twice wins); only needed when
    /// they did not come in increasing order.
    public mutating func seal() {
        guard !sorted else { return }
        let order = ids.indices.sorted { (ids[$0], $0) < (ids[$1], $1) }
        var newIds: [Int64] = [], newBands: [BandLevel] = []
        for i in order {
            if newIds.last == ids[i] { newBands[newBands.count - 1] = bands[i] } else {
                newIds.append(ids[i])
                newBands.append(bands[i])
            }
        }
        (ids, bands, sorted) = (newIds, newBands, true)
    }

    /// `id`'s band; `nil` when none was set (call `seal` first after an out-of-order `set`).
    public func band(of id: Int64) -> BandLevel? {
        var low = 0, high = ids.count
        while low < high {
            let mid = (low + high) / 2
            if ids[mid] < id { low = mid + 1 } else { high = mid }
        }
        return low < ids.count && ids[low] == id ? bands[low] : nil
    }
}
