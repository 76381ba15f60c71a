import DiscoveryCore

/// The checks that span files: duplicate set and profile ids, `when` references, the sets and
/// gates a profile names.
struct CatalogValidator {
    var sets: [DecodedSet]
    var profiles: [DecodedProfile]
    /// The question conditions of `routing.yaml`'s rules, with that file's path.
    let routingReferences: [(ConditionReference, String)]
    private(set) var diagnostics: [Diagnostic] = []
    private var incomplete: Set<String> = []

    init(sets: [DecodedSet], profiles: [DecodedProfile], routingReferences: [(ConditionReference, String)] = []) {
        self.sets = sets
        self.profiles = profiles
        self.routingReferences = routingReferences
    }

    /// Runs every check; keeps only the first of duplicate sets and profiles.
    mutating func check() {
        sets = unique(sets, id: \.set.id, file: \.set.file, line: \.line, kind: "set")
        profiles = unique(profiles, id: \.profile.id, file: \.profile.file, line: \.line, kind: "profile")
        incomplete = sets.reduce(into: []) { $0.formUnion($1.incomplete) }
        let questions = Dictionary(sets.flatMap(\.set.questions).map { ($0.fullId, $0) }, uniquingKeysWith: { a, _ in a })
        for set in sets {
            for ref in set.references { checkReference(ref, file: set.set.file, questions: questions) }
        }
        for (ref, file) in routingReferences { checkReference(ref, file: file, questions: questions) }
        checkCycles(questions: questions)
        for profile in profiles { checkProfile(profile) }
    }

    private mutating func unique<T>(_ items: [T], id: KeyPath<T, String>, file: KeyPath<T, String>, line: KeyPath<T, Int>,
                                    kind: String) -> [T] {
        var firsts: [String: T] = [:]
        var kept: [T] = []
        for item in items {
            if let first = firsts[item[keyPath: id]] {
                error(item[keyPath: file], item[keyPath: line],
                      "duplicate \(kind) id '\(item[keyPath: id])' (already defined at \(first[keyPath: file]):\(first[keyPath: line]))")
                continue
            }
            firsts[item[keyPath: id]] = item
            kept.append(item)
        }
        return kept
    }

    private mutating func checkReference(_ ref: ConditionReference, file: String, questions: [String: Question]) {
        let what = "'when' of '\(ref.owner)'"
        guard let target = questions[ref.question] else {
            let setId = String(ref.question.prefix { $0 != "." })
            if !sets.contains(where: { $0.set.id == setId }) {
                error(file, ref.line, "\(what) refers to '\(ref.question)', but there is no set '\(setId)'.\(Suggestion.hint(for: setId, in: sets.map(\.set.id)))")
            } else {
                error(file, ref.line, "\(what) refers to '\(ref.question)', which does not exist.\(Suggestion.hint(for: ref.question, in: questions.keys.sorted()))")
            }
            return
        }
        if ref.question == ref.owner {
            error(file, ref.line, "\(what) refers to the question itself: a follow-up depends on another question")
            return
        }
        guard let values = ref.values, !incomplete.contains(ref.question) else { return }
        let offered: [String]
        switch target.type {
        case .choice, .multi: offered = target.choices.map(\.id)
        case .yesNo: offered = ["yes", "no"]
        default:
            error(file, ref.line, "\(what) uses 'in' on '\(ref.question)', a '\(target.type.rawValue)' question: use 'answered: true' (only choice, multi and yes-no answers can be listed)")
            return
        }
        for value in values where !offered.contains(value) {
            error(file, ref.line, "\(what) lists '\(value)', which is not a choice of '\(ref.question)'.\(Suggestion.hint(for: value, in: offered)) Choices: \(offered.joined(separator: ", "))")
        }
    }

    /// Follow-ups that depend on each other in a circle can never be asked.
    private mutating func checkCycles(questions: [String: Question]) {
        var edges: [String: [ConditionReference]] = [:]
        var files: [String: String] = [:]
        for set in sets {
            for ref in set.references where questions[ref.question] != nil && ref.question != ref.owner {
                edges[ref.owner, default: []].append(ref)
                files[ref.owner] = set.set.file
            }
        }
        var done: Set<String> = []
        var reported: Set<String> = []
        for start in edges.keys.sorted() {
            var path: [String] = []
            visit(start, edges: edges, path: &path, done: &done) { cycle in
                let key = cycle.sorted().joined(separator: ",")
                guard reported.insert(key).inserted, let ref = edges[cycle[0]]?.first(where: { $0.question == cycle[1 % cycle.count] }) else { return }
                error(files[cycle[0]] ?? "", ref.line, "'when' conditions go round in a circle (\((cycle + [cycle[0]]).joined(separator: " → "))): none of these questions could ever be asked")
            }
        }
    }

    private func visit(_ node: String, edges: [String: [ConditionReference]], path: inout [String], done: inout Set<String>,
                       found: (([String]) -> Void)) {
        if let index = path.firstIndex(of: node) {
            found(Array(path[index...]))
            return
        }
        guard !done.contains(node) else { return }
        path.append(node)
        for ref in edges[node] ?? [] { visit(ref.question, edges: edges, path: &path, done: &done, found: found) }
        path.removeLast()
        done.insert(node)
    }

    private mutating func checkProfile(_ decoded: DecodedProfile) {
        let profile = decoded.profile
        let file = profile.file
        var listed: Set<String> = []
        for set in decoded.sets {
            if !listed.insert(set.id).inserted {
                error(file, set.line, "set '\(set.id)' is listed twice in profile '\(profile.id)'")
            } else if !sets.contains(where: { $0.set.id == set.id }) {
                error(file, set.line, "profile '\(profile.id)' names set '\(set.id)', which does not exist.\(Suggestion.hint(for: set.id, in: sets.map(\.set.id))) Sets: \(sets.map(\.set.id).joined(separator: ", "))")
            }
        }
        let carried = Self.gates(in: sets.filter { listed.contains($0.set.id) }.map(\.set))
        let available = (carried.union(Catalog.builtInGates)).sorted()
        for gate in decoded.gates where !available.contains(gate.id) {
            error(file, gate.line, "profile '\(profile.id)' requires gate '\(gate.id)', which no question of its sets carries and which is not built in.\(Suggestion.hint(for: gate.id, in: available)) Gates: \(available.joined(separator: ", "))")
        }
    }

    /// Every gate carried by a question or one of its choices.
    static func gates(in sets: [QuestionSet]) -> Set<String> {
        var gates: Set<String> = []
        for question in sets.flatMap(\.questions) {
            if let g = question.gate { gates.insert(g) }
            for choice in question.choices { if let g = choice.gate { gates.insert(g) } }
        }
        return gates
    }

    private mutating func error(_ file: String, _ line: Int, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, message: message))
    }
}
