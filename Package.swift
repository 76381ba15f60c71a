// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "discovery",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "discovery", targets: ["discovery"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/jpsim/Yams", exact: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", exact: "1.33.2"),
    ],
    targets: [
        // Thin entry point.
        .executableTarget(name: "discovery", dependencies: ["DiscoveryCLI"]),
        // Benchmark data: a deterministic database (or import CSV) from a seed; run by hand.
        .executableTarget(name: "discovery-datagen", dependencies: [
            "DiscoveryCore", "DiscoveryStorage", "DiscoveryStore", "QuestionSets", "SeededRandom",
        ]),
        // A seeded pseudo-random generator (SplitMix64): benchmark data and randomised tests.
        .target(name: "SeededRandom"),
        // Global options, env and XDG defaults, mode selection, errors → exit codes; the one
        // place a storage backend is chosen (from --db).
        .target(name: "DiscoveryCLI", dependencies: [
            "DiscoveryCore", "QuestionSets", "DiscoveryStorage", "DiscoveryStore", "DiscoveryPostgres", "DiscoveryShell", "LineEditor",
        ]),
        // Tokenizer, commands, help, completion candidates, prompt, interview.
        .target(name: "DiscoveryShell", dependencies: [
            "DiscoveryCore", "QuestionSets", "DiscoveryStorage", "DiscoveryExport", "LineEditor",
        ]),
        // LineReader protocol, libedit reader, history, SIGINT plumbing.
        .target(name: "LineEditor", dependencies: ["CLibEdit", "CLineInput"]),
        // The SIGINT flag and a key reader that never misses a Ctrl-C (C: shared with a signal handler).
        .target(name: "CLineInput"),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Value types and the pure verdict engine: no I/O.
        .target(name: "DiscoveryCore"),
        // YAML decoding with file:line diagnostics; lint.
        .target(name: "QuestionSets", dependencies: ["DiscoveryCore", .product(name: "Yams", package: "Yams")]),
        // The storage interface: protocols and the values they speak; no SQL, no driver.
        .target(name: "DiscoveryStorage", dependencies: ["DiscoveryCore"]),
        // The SQLite implementation of the storage interface (GRDB): open, migrations, records, audit log, undo.
        .target(name: "DiscoveryStore", dependencies: [
            "DiscoveryCore", "DiscoveryStorage", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),
        // The PostgreSQL implementation of the storage interface (team mode, postgres-nio): one
        // blocking connection per process, the schema, roles, transactions per change.
        .target(name: "DiscoveryPostgres", dependencies: [
            "DiscoveryCore", "DiscoveryStorage", .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        // Markdown, JSON, CSV, HubSpot, Salesforce writers; import.
        .target(name: "DiscoveryExport", dependencies: ["DiscoveryCore"]),
        // Test support: openpty + posix_spawn for pseudo-terminal tests.
        .target(name: "CPseudoTerminal"),

        .testTarget(name: "DiscoveryCoreTests", dependencies: ["DiscoveryCore"]),
        .testTarget(name: "QuestionSetsTests", dependencies: ["DiscoveryCore", "QuestionSets"], resources: [.copy("Fixtures")]),
        // SQLite-only behaviour: the file, its pragmas, triggers, locks, stored dates, raw statements.
        .testTarget(name: "DiscoveryStoreTests", dependencies: [
            "DiscoveryCore", "DiscoveryStorage", "DiscoveryStore", .product(name: "GRDB", package: "GRDB.swift"),
        ]),
        // The storage contract: every store behaviour, written once, run against every backend.
        .testTarget(name: "StorageContractTests", dependencies: [
            "DiscoveryCore", "DiscoveryStorage", "DiscoveryStore", "DiscoveryPostgres", "PostgresTestSupport",
        ]),
        // The throwaway PostgreSQL cluster the tests use (scripts/pg-test-cluster, DISCOVERY_TEST_PG_URL).
        .target(name: "PostgresTestSupport", dependencies: ["DiscoveryPostgres"], path: "Tests/PostgresTestSupport"),
        // Team mode on a real server: URLs, the binary's db commands, server-enforced rights, many writers, faults.
        .testTarget(name: "TeamModeTests", dependencies: [
            "DiscoveryCore", "DiscoveryStorage", "DiscoveryPostgres", "PostgresTestSupport", "discovery",
        ]),
        .testTarget(name: "DiscoveryExportTests", dependencies: ["DiscoveryCore", "DiscoveryExport", "SeededRandom"], exclude: ["Golden"]),
        .testTarget(name: "DiscoveryShellTests", dependencies: [
            "DiscoveryCore", "DiscoveryStorage", "DiscoveryStore", "DiscoveryShell", "LineEditor", "SeededRandom",
        ], exclude: ["Golden", "Fixtures"]),
        // Seeded random inputs for the tokenizer and parser, the question-set loader and the CSV reader.
        .testTarget(name: "FuzzTests", dependencies: [
            "DiscoveryCore", "DiscoveryShell", "QuestionSets", "DiscoveryExport",
        ], exclude: ["Corpus"]),
        .testTarget(name: "EndToEndTests", dependencies: [
            "discovery", "CPseudoTerminal", "DiscoveryCore", "DiscoveryStorage", "DiscoveryStore", "PostgresTestSupport",
        ], exclude: ["Transcripts"]),
    ]
)

// A file sees only the members of the modules it imports itself, so every import is a real one
// and each shows up above as a dependency.
for target in package.targets where target.type != .system {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
