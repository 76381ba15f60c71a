import DiscoveryCore
import DiscoveryStore
import Foundation
import QuestionSets

// discovery-datagen: builds the benchmark database (or an import CSV) from a seed.
let usage = """
    usage: discovery-datagen --db PATH [--leads N] [--seed N] [--question-sets DIR] [--batch N]
           discovery-datagen --csv FILE [--rows N] [--seed N]
           discovery-datagen --time-commits N --db PATH [--seed N]
    --leads N builds N leads with 3N contacts, 5N calls, 20N answers (default 100000), plus signals and next steps.
    """

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data("discovery-datagen: \(message)\n".utf8))
    exit(code)
}

var options: [String: String] = [:]
var args = CommandLine.arguments.dropFirst()
while let name = args.popFirst() {
    guard ["--db", "--leads", "--seed", "--question-sets", "--batch", "--csv", "--rows", "--time-commits"].contains(name) else {
        fail("unknown argument '\(name)'\n\(usage)")
    }
    guard let value = args.popFirst() else { fail("\(name) needs a value\n\(usage)") }
    options[name] = value
}
@MainActor func number(_ name: String, _ fallback: Int) -> Int {
    guard let text = options[name] else { return fallback }
    guard let n = Int(text), n >= 0 else { fail("\(name) takes a whole number, not '\(text)'") }
    return n
}
let seed = UInt64(number("--seed", 42))

if let csv = options["--csv"] {
    do {
        try ImportFile.write(path: csv, rows: number("--rows", 100_000), seed: seed)
    } catch {
        fail("\(error)", code: 4)
    }
    exit(0)
}
guard let dbPath = options["--db"] else { fail("pass --db PATH or --csv FILE\n\(usage)") }
if options["--time-commits"] != nil {
    do throws(DiscoveryError) {
        guard FileManager.default.fileExists(atPath: dbPath) else { fail("\(dbPath): no such database to time commits on") }
        print(try CommitTiming.run(store: try SQLiteStore.open(path: dbPath), commits: number("--time-commits", 1000), seed: seed))
    } catch {
        fail(error.message, code: error.exitCode)
    }
    exit(0)
}
let leads = number("--leads", 100_000)
let batchLeads = max(1, number("--batch", 2_000))
do throws(DiscoveryError) {
    let catalog = try CatalogLoader.load(directory: options["--question-sets"] ?? "question-sets")
    if FileManager.default.fileExists(atPath: dbPath) { fail("\(dbPath) exists: the generator only builds a new database") }
    let store = try SQLiteStore.open(path: dbPath)
    var factory = LeadFactory(seed: seed, catalog: catalog)
    var id: Int64 = 1
    while id <= Int64(leads) {
        var batch = BulkBatch()
        let end = min(Int64(leads), id + Int64(batchLeads) - 1)
        while id <= end {
            factory.add(lead: id, to: &batch)
            id += 1
        }
        try store.bulkInsert(batch)
    }
    let counts = try store.tableCounts().map { "\($0.table) \($0.rows)" }.joined(separator: ", ")
    print("\(dbPath): \(counts)")
} catch {
    fail(error.message, code: error.exitCode)
}
