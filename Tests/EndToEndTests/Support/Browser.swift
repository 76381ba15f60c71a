import Foundation

/// Headless Chromium (Debian's `chromium-headless-shell`, installed by scripts/install-deps),
/// run with every network request sent to a closed port and recorded in a NetLog.
enum Browser {
    /// `CHROMIUM` when set, else the Debian package's binary; `nil` when neither is there.
    static var path: String? {
        let candidates = [ProcessInfo.processInfo.environment["CHROMIUM"], "/usr/bin/chromium-headless-shell",
                          "/usr/lib/chromium/headless_shell"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// In CI the browser test must run: a missing browser fails it rather than skipping it.
    static var required: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    struct Result {
        let status: Int32
        let stdout: String
        /// Every http(s), ws(s) or ftp URL the NetLog shows the browser asked for.
        let networkURLs: [String]
    }

    /// Runs the browser on `file` with `arguments` (`--dump-dom`, `--screenshot=...`).
    static func run(_ binary: String, _ arguments: [String], file: String) throws -> Result {
        let netLog = NSTemporaryDirectory() + "discovery-netlog-" + UUID().uuidString + ".json"
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
                       // Any request would go to a closed local port, and no name resolves.
                       "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND",
                       "--log-net-log=\(netLog)", "--window-size=900,1300"] + arguments + ["file://" + file]
        p.environment = ["HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let log = (try? String(contentsOfFile: netLog, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: netLog)
        let urls = log.matches(of: /"url":"((?:https?|wss?|ftp):[^"]*)"/).map { String($0.output.1) }
        return Result(status: p.terminationStatus, stdout: String(decoding: data, as: UTF8.self), networkURLs: urls)
    }

    /// How many distinct colours the PNG at `png` has, and how many pixels are not white,
    /// counted by the browser itself (a probe page with a canvas; the page under test has no script).
    static func pixels(_ binary: String, png: String) throws -> (colours: Int, ink: Int, total: Int) {
        let b64 = try Data(contentsOf: URL(fileURLWithPath: png)).base64EncodedString()
        let probe = NSTemporaryDirectory() + "discovery-probe-" + UUID().uuidString + ".html"
        try """
            <html><body><div id="out">pending</div><script>
            const img = new Image();
            img.onload = () => { const c = document.createElement('canvas'); c.width = img.width; c.height = img.height;
              const g = c.getContext('2d'); g.drawImage(img, 0, 0); const d = g.getImageData(0, 0, c.width, c.height).data;
              const colours = new Set(); let ink = 0;
              for (let i = 0; i < d.length; i += 4) { const k = (d[i] << 16) | (d[i+1] << 8) | d[i+2]; colours.add(k); if (k !== 0xffffff) ink++; }
              document.getElementById('out').textContent = colours.size + ' ' + ink + ' ' + (c.width * c.height); };
            img.src = 'data:image/png;base64,\(b64)';
            </script></body></html>
            """.write(toFile: probe, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: probe) }
        let r = try run(binary, ["--virtual-time-budget=5000", "--dump-dom"], file: probe)
        guard let m = r.stdout.firstMatch(of: /id="out">(\d+) (\d+) (\d+)</), let c = Int(m.output.1), let i = Int(m.output.2),
              let t = Int(m.output.3) else { return (0, 0, 0) }
        return (c, i, t)
    }
}
