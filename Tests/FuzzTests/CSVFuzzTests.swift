import DiscoveryCore
import DiscoveryExport
import Testing

/// Random CSV files through the importer's reader, fed in blocks of random sizes (a record or a
/// UTF-8 character may straddle two blocks), then through the header mapping and row parsing:
/// every record comes out as fields or as a bad row with its line, never a trap.
@Suite struct CSVFuzzTests {
    static let seeds: [String] = [
        "lead_id,org,type,region,stage,contact_name,contact_email,contact_phone\r\n7,\"Mercy, Regional\",hospital,us-west,mql,Ana Ruiz,ana@mercy.org,+1 (555) 010-0100\r\n",
        "Company,First Name,Last Name,Email,Phone,Job Title,Lifecycle Stage\nSt. Mary's,Ann,Lee,ann@stm.org,555,\"CMO \"\"acting\"\"\",lead\n",
        "\u{FEFF}company,firstname,lastname,email\n\"Multi\nline\",A,B,a@b.c\n,,,\n",
        "FirstName,LastName,Company,Title,Email,DoNotCall,HasOptedOutOfEmail\rAna,Ruiz,Mercy,CMO,ana@m.org,true,false\r",
    ]
    static let tokens = ["\"", ",", "\r\n", "\n", "\r", "\"\"", "\u{FEFF}", "\u{0}", "é", "=cmd()", "lead_id", "email",
                         "company", "2026-13-45", "-1", "yes"]

    @Test func corpusAndRandomFilesNeverTrap() throws {
        let run = FuzzRun(target: "csv", defaultIterations: 5_000)
        var mutator = Mutator(seed: run.seed, tokens: Self.tokens)
        let seeds = Self.seeds.map { Array($0.utf8) } + FuzzRun.corpus("csv")
        var executions = 0
        for input in seeds {
            run.willRun(input)
            try Self.check(input, mutator: &mutator)
            executions += 1
        }
        for _ in 0..<run.iterations {
            let input = mutator.mutate(seeds[mutator.below(seeds.count)], limit: 2048)
            run.willRun(input)
            try Self.check(input, mutator: &mutator)
            executions += 1
        }
        run.finish(executions: executions)
        #expect(executions == seeds.count + run.iterations)
    }

    static func check(_ bytes: [UInt8], mutator: inout Mutator) throws {
        var offset = 0
        var sizes: [Int] = []
        for _ in 0..<8 { sizes.append(1 + mutator.below(64)) }
        var block = 0
        let reader = CSVReader { () throws(DiscoveryError) -> [UInt8] in
            guard offset < bytes.count else { return [] }
            let end = min(bytes.count, offset + sizes[block % sizes.count])
            block += 1
            defer { offset = end }
            return Array(bytes[offset..<end])
        }
        var columns: ImportColumns?
        var lastLine = 0
        var records = 0
        while true {
            let item: CSVItem?
            do {
                item = try reader.next()
            } catch {
                #expect(!error.message.isEmpty)
                return
            }
            guard let item else { break }
            records += 1
            #expect(records <= bytes.count + 1, "more records than bytes")
            switch item {
            case .bad(let line, let message):
                #expect(line >= max(1, lastLine) && !message.isEmpty)
                lastLine = line
            case .record(let line, let fields):
                #expect(line >= max(1, lastLine) && !fields.isEmpty)
                lastLine = line
                if let columns {
                    if case .failure(let e) = ImportRecord.parse(line: line, fields: fields, columns: columns,
                                                                 profiles: ["capital-equipment", "healthtech"]) {
                        #expect(e.line == line, "a row error names the row it came from")
                        #expect(!e.message.isEmpty && !e.message.contains("\n"), "a row error is one non-empty line: \(e.message)")
                    }
                } else {
                    columns = try? ImportColumns(header: fields, file: "fuzz.csv")
                    if columns == nil { return }
                }
            }
        }
    }
}
