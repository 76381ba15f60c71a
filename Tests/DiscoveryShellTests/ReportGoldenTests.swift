import DiscoveryCore
import Foundation
import Testing
@testable import DiscoveryShell

/// Every report on the fixture database, compared with its golden file.
@Suite struct ReportGoldenTests {
    @Test(arguments: ["pipeline", "reasons", "sla", "calls"])
    func plainASCII(kind: String) throws {
        let t = try PipelineFixture.build()
        t.clock.set("2026-03-02T09:00:00Z")
        let r = t.output("report \(kind)")
        #expect(r.code == 0, "\(r.err)")
        #expect(!r.out.contains("█"))
        #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 80 })
        Golden.check(r.out, "report-\(kind).txt")
    }

    @Test(arguments: ["pipeline", "reasons", "sla", "calls"])
    func json(kind: String) throws {
        let t = try PipelineFixture.build()
        t.clock.set("2026-03-02T09:00:00Z")
        let r = t.output("report \(kind) --json")
        #expect(r.code == 0, "\(r.err)")
        let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        #expect(object?["report"] as? String == kind)
        #expect(object?[kind] != nil)
        Golden.check(r.out, "report-\(kind).json")
    }

    @Test func unicodeBlocksOnATerminalFittedToTheWidth() throws {
        let t = try PipelineFixture.build(unicode: true, width: 60)
        t.clock.set("2026-03-02T09:00:00Z")
        let r = t.output("report pipeline")
        #expect(r.out.contains("█"))
        #expect(!r.out.contains("#"))
        #expect(r.out.split(separator: "\n").allSatisfy { $0.count <= 60 })
        Golden.check(r.out, "report-pipeline-unicode-60.txt")
    }

    @Test func sinceLimitsTheReport() throws {
        let t = try PipelineFixture.build()
        t.clock.set("2026-03-02T09:00:00Z")
        let calls = t.output("report calls --since 2026-02-27")
        #expect(calls.out.hasPrefix("Calls since 2026-02-27: 3 calls, 1 connected"), "\(calls.out)")
        #expect(t.output("report reasons --since 2026-03-01").out == "No disqualified leads since 2026-03-01.\n")
        let sla = t.output("report sla --since 2026-03-01 --json").out
        #expect(sla.contains("\"since\" : \"2026-03-01\""))
    }

    @Test func emptyDatabaseSaysSo() throws {
        let t = try CallShell()
        #expect(t.output("report pipeline").out == "No leads.\n")
        #expect(t.output("report reasons").out == "No disqualified leads.\n")
        #expect(t.output("report sla").out == "No leads reached mql: no SLA to report.\n")
        #expect(t.output("report calls").out == "No calls logged.\n")
    }
}

@Suite struct BarChartTests {
    @Test func unicodeBarsResolveEighthsAndASCIIRounds() {
        let unicode = BarChart(unicode: true, width: 40)
        #expect(unicode.draw(0.5, cells: 10) == "█████")
        #expect(unicode.draw(0.55, cells: 10) == "█████▌")   // 44 eighths
        #expect(unicode.draw(0.001, cells: 10) == "▏")
        #expect(unicode.draw(0, cells: 10) == "")
        let ascii = BarChart(unicode: false, width: 40)
        #expect(ascii.draw(0.55, cells: 10) == "######")
        #expect(ascii.draw(0.001, cells: 10) == "#")
        #expect(ascii.draw(1, cells: 10) == "##########")
    }

    @Test func linesFitTheWidthAndTextsAlign() {
        let chart = BarChart(unicode: false, width: 30)   // bars get 30 - 3 - 6 - 4 = 17 cells
        let text = chart.render([.init(label: "a", value: 4, text: "4"), .init(label: "bbb", value: 2, text: "2  50%")])
        #expect(text == """
            a    #################  4
            bbb  #########          2  50%

            """)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 30 })
    }
}
