import Foundation
import Testing

/// The review's HTML page in a real browser (headless Chromium): it renders (the screenshot
/// is not blank), its figures are the `--json` ones, and it makes no network request.
@Suite struct ReviewHTMLBrowserTests {
    /// A book with four MQLs (one accepted and called, one rejected) under the bundled sets
    /// with a capacity of one MQL a month per owner.
    static func book() throws -> (db: String, sets: String, folder: String) {
        let folder = NSTemporaryDirectory() + "discovery-review-html-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let sets = folder + "/sets"
        try FileManager.default.copyItem(atPath: Binary.packageRoot + "/question-sets", toPath: sets)
        let routing = sets + "/routing.yaml"
        try (try String(contentsOfFile: routing, encoding: .utf8) + "capacity: { per-owner-per-month: 1 }\n")
            .write(toFile: routing, atomically: true, encoding: .utf8)
        let db = folder + "/book.sqlite"
        let script = """
            lead new Mercy --source webinar
            lead new Valley --source download
            lead new Harbor --source webinar
            lead new Summit --source download
            stage L1 mql
            stage L2 mql
            stage L3 mql
            stage L4 mql
            call L1 connected
            accept L1
            reject L2 --reason wrong-org-type

            """
        let r = try Binary.run(["--question-sets", sets], stdin: script, database: db)
        #expect(r.status == 0, "\(r.stderr)")
        return (db, sets, folder)
    }

    /// The value at `path` (`overall.conversions.0.rate`) of a decoded JSON object.
    static func value(_ json: Any, _ path: String) -> Any? {
        var node: Any? = json
        for key in path.split(separator: ".") {
            if let i = Int(key), let array = node as? [Any] { node = i < array.count ? array[i] : nil }
            else { node = (node as? [String: Any])?[String(key)] }
        }
        return node
    }

    @Test(.enabled(if: Browser.path != nil || Browser.required, "needs chromium-headless-shell (scripts/install-deps)"))
    func thePageRendersWithTheJSONFiguresAndNoRequest() throws {
        let browser = try #require(Browser.path, "chromium-headless-shell is missing: run scripts/install-deps")
        let (db, sets, folder) = try Self.book()
        let page = folder + "/review.html"
        let html = try Binary.run(["--question-sets", sets, "report", "review", "--by", "source", "--format", "html", "--out", page], database: db)
        #expect(html.status == 0, "\(html.stderr)")
        let text = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!text.contains("<script"))
        // No address but the SVG namespace (a name, never fetched).
        #expect(!text.replacingOccurrences(of: "xmlns=\"http://www.w3.org/2000/svg\"", with: "").contains("//"))
        #expect(!text.contains("<link") && !text.contains("src="))
        #expect(text.contains("@page { size: A4"))

        // The figures in the page the browser built are the JSON's.
        let json = try Binary.run(["--question-sets", sets, "report", "review", "--by", "source", "--json"], database: db)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let review = try #require(object["review"])
        let dom = try Browser.run(browser, ["--dump-dom"], file: page)
        #expect(dom.status == 0)
        let figures = dom.stdout.matches(of: /data-figure="([^"]+)"(?: data-value="([^"]*)")?>([^<]*)</)
        #expect(figures.count >= 20, "\(dom.stdout)")
        for f in figures {
            let path = String(f.output.1), shown = String(f.output.2 ?? f.output.3)
            let expected = Self.value(review, path)
            if shown == "null" {
                #expect(expected is NSNull, "\(path)")
            } else {
                #expect((expected as? NSNumber)?.doubleValue == Double(shown), "\(path): page \(shown), JSON \(String(describing: expected))")
            }
        }
        #expect(figures.contains { $0.output.1 == "overall.mqls" && $0.output.3 == "4" })
        #expect(dom.networkURLs == [], "the page asked for \(dom.networkURLs)")

        // A screenshot that is not blank: many colours and ink on a good part of it.
        let png = folder + "/review.png"
        let shot = try Browser.run(browser, ["--screenshot=\(png)"], file: page)
        #expect(shot.status == 0)
        #expect(shot.networkURLs == [])
        let pixels = try Browser.pixels(browser, png: png)
        #expect(pixels.total == 900 * 1300)
        #expect(pixels.colours > 16, "\(pixels)")
        #expect(pixels.ink > pixels.total / 100, "\(pixels)")
    }

    /// The request check itself: a page that asks for an image is caught.
    @Test(.enabled(if: Browser.path != nil || Browser.required, "needs chromium-headless-shell (scripts/install-deps)"))
    func aPageThatAsksTheNetworkIsCaught() throws {
        let browser = try #require(Browser.path, "chromium-headless-shell is missing: run scripts/install-deps")
        let page = NSTemporaryDirectory() + "discovery-fetching-" + UUID().uuidString + ".html"
        try "<html><body><img src=\"http://example.com/x.png\">hello</body></html>".write(toFile: page, atomically: true, encoding: .utf8)
        let r = try Browser.run(browser, ["--dump-dom"], file: page)
        #expect(r.networkURLs.contains("http://example.com/x.png"), "\(r.networkURLs)")
    }
}
