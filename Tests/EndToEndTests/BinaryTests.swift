import Foundation
import Testing

@Suite struct BinaryTests {
    @Test func versionOfHelpExitsZero() throws {
        let r = try Binary.run(["--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("USAGE"))
    }
}
