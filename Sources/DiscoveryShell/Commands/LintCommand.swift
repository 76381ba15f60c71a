import DiscoveryCore
import QuestionSets

extension Command {
    static let lint = Command(CommandSpec(
        ["lint"],
        usage: "lint [DIR]",
        summary: "Validate question sets, profiles and signals (file:line for every problem)",
        example: "lint question-sets",
        group: .output,
        arguments: 0...1
    )) { inv, session in
        guard let directory = inv.arguments.first ?? session.questionSetsDirectory else {
            throw DiscoveryError.usage("no question-set folder to check: lint DIR")
        }
        try Lint.run(directory: directory, out: session.out, err: session.err)
    }
}

/// `lint`: checks a question-set folder. Needs no database, so `discovery lint DIR` runs even
/// when the default sets are broken.
public enum Lint {
    /// Prints `ok: N sets, ...`, or every problem as `file:line: message` and fails with exit 3.
    public static func run(directory: String, out: TextOutput, err: TextOutput) throws(DiscoveryError) {
        out.write(try check(directory: directory, err: err).summary + "\n")
    }

    /// The folder's catalog when it lints; else prints every problem as `file:line: message`
    /// to `err` and fails with exit 3.
    public static func check(directory: String, err: TextOutput) throws(DiscoveryError) -> LintReport {
        let report = CatalogLoader.lint(directory: directory)
        guard report.isValid else {
            for diagnostic in report.diagnostics { err.write(diagnostic.description + "\n") }
            let count = report.diagnostics.count
            throw .dataFile("\(count) \(count == 1 ? "problem" : "problems") in \(directory)")
        }
        return report
    }
}
