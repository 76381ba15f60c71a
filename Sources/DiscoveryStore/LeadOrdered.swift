import Foundation
import GRDB

/// A cursor in lead order read beside another one, decoded as read: `take(lead)` gives the
/// rows of that lead, skipping those of leads before it (leads outside the other read, or
/// deleted meanwhile in another state: never, within one read). The statement's row changes at
/// each step, so the one row read ahead is kept decoded. What the book read, the first
/// attempts' signals and the review's moves and rejections merge on the lead id.
struct LeadOrdered<Value> {
    private let statement: RawStatement
    private let decode: (RawStatement.Columns) throws -> (lead: Int64, value: Value)?
    private var ahead: (lead: Int64, value: Value)?
    private var done = false

    /// Rows whose second column is `lead_id`, each decoded by `decode`.
    init(_ statement: RawStatement, _ args: [DatabaseValue], _ decode: @escaping (RawStatement.Columns) throws -> Value) throws {
        try self.init(statement, args, keeping: { row in (row.int64(1) ?? 0, try decode(row)) })
    }

    /// `keeping` gives each row's lead and value, or `nil` to leave the row out.
    init(_ statement: RawStatement, _ args: [DatabaseValue],
         keeping: @escaping (RawStatement.Columns) throws -> (lead: Int64, value: Value)?) throws {
        self.statement = statement
        try statement.start(args)
        decode = keeping
    }

    /// The values of `lead`, in the statement's order; leads must be asked for in increasing order.
    mutating func take(_ lead: Int64) throws -> [Value] {
        var values: [Value] = []
        while true {
            while ahead == nil {
                guard !done, let row = try statement.next() else { done = true; return values }
                ahead = try decode(row)
            }
            guard let next = ahead, next.lead <= lead else { return values }
            if next.lead == lead { values.append(next.value) }
            ahead = nil
        }
    }
}
