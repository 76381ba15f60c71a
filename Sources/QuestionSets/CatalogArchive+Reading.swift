import DiscoveryCore

extension CatalogArchive {
    /// Conditions nest no deeper than this in a stored copy (a damaged count cannot recurse
    /// without end); a deeper one makes the copy unreadable, so the folder is read again.
    static let maxConditionDepth = 64

    /// The catalog `encode` wrote; throws `ArchiveDamaged` when the bytes are not such a copy
    /// (cut short, altered, or with bytes left over).
    static func decode(_ bytes: [UInt8]) throws(ArchiveDamaged) -> Catalog {
        var r = ArchiveReader(bytes)
        let sets = try r.list { (r: inout ArchiveReader) throws(ArchiveDamaged) in try readSet(&r) }
        let profiles = try r.list { (r: inout ArchiveReader) throws(ArchiveDamaged) in try readProfile(&r) }
        let signals = try r.list { (r: inout ArchiveReader) throws(ArchiveDamaged) in try readSignal(&r) }
        let routing = try readRouting(&r)
        guard r.isAtEnd else { throw ArchiveDamaged() }
        return Catalog(sets: sets, profiles: profiles, signals: signals, routing: routing)
    }

    private static func readSet(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> QuestionSet {
        let id = try r.string(), title = try r.string(), file = try r.string()
        let questions = try r.list { (r: inout ArchiveReader) throws(ArchiveDamaged) in try readQuestion(&r) }
        return QuestionSet(id: id, title: title, questions: questions, file: file)
    }

    private static func readQuestion(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> Question {
        let id = try r.string(), setId = try r.string(), ask = try r.string()
        let why = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.string() }
        let type = try r.value(QuestionType.self)
        let choices = try r.list { (r: inout ArchiveReader) throws(ArchiveDamaged) in try readChoice(&r) }
        let score = try readScore(&r)
        let gate = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.string() }
        let flag = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.string() }
        let stop = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.value(ReasonCode.self) }
        let when = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try readCondition(&r, depth: 0) }
        let thenAskConsent = try r.bool()
        let fromLead = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try readSource(&r) }
        let line = try r.int()
        var question = Question(id: id, setId: setId, ask: ask, why: why, type: type, choices: choices, score: score,
                                gate: gate, flag: flag, stop: stop, when: when, line: line)
        // Set only when not the default: each change gives the question a new shared box.
        if thenAskConsent { question.thenAskConsent = true }
        if let fromLead { question.fromLead = fromLead }
        return question
    }

    private static func readChoice(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> Choice {
        let id = try r.string(), label = try r.string()
        let score = try readScore(&r)
        let gate = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.string() }
        let flag = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.string() }
        let stop = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.value(ReasonCode.self) }
        return Choice(id: id, label: label, score: score, gate: gate, flag: flag, stop: stop)
    }

    private static func readScore(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> ScoreDelta {
        let fit = try r.int(), intent = try r.int(), readiness = try r.int()
        return ScoreDelta(fit: fit, intent: intent, readiness: readiness)
    }

    private static func readSource(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> LeadFieldSource {
        let field = try r.string()
        var map: [String: String] = [:]
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            map[key] = try r.string()
        }
        var atLeast: [String: Int] = [:]
        for _ in 0..<(try r.count()) {
            let key = try r.string()
            atLeast[key] = try r.int()
        }
        return LeadFieldSource(field: field, map: map, atLeast: atLeast)
    }

    static func readCondition(_ r: inout ArchiveReader, depth: Int) throws(ArchiveDamaged) -> Condition {
        guard depth < maxConditionDepth else { throw ArchiveDamaged() }
        let nested = { (r: inout ArchiveReader) throws(ArchiveDamaged) in try readCondition(&r, depth: depth + 1) }
        switch try r.tag() {
        case 0:
            let question = try r.string()
            return .answerIn(question: question, values: try r.strings())
        case 1:
            let question = try r.string()
            return .answered(question: question, try r.bool())
        case 2: return .all(try r.list(nested))
        case 3: return .any(try r.list(nested))
        case 4: return .not(try nested(&r))
        default: throw ArchiveDamaged()
        }
    }

    private static func readProfile(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> Profile {
        let id = try r.string(), title = try r.string()
        let sets = try r.strings()
        let minTotal = try r.int(), mqlMinFit = try r.int()
        let gates = try r.strings()
        let sqlMinFit = try r.int()
        var bands: [ScoreKind: Band] = [:]
        for _ in 0..<(try r.count()) {
            let kind = try r.value(ScoreKind.self)
            let mid = try r.int()
            bands[kind] = Band(mid: mid, high: try r.int())
        }
        let file = try r.string()
        return Profile(id: id, title: title, sets: sets, mql: .init(minTotal: minTotal, minFit: mqlMinFit),
                       sql: .init(gates: gates, minFit: sqlMinFit), bands: bands, file: file)
    }

    private static func readSignal(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> SignalDefinition {
        let id = try r.string(), label = try r.string()
        let score = try readScore(&r)
        let priority = try r.value(SignalDefinition.Priority.self)
        return SignalDefinition(id: id, label: label, score: score, priority: priority, requalify: try r.bool())
    }

    private static func readRouting(_ r: inout ArchiveReader) throws(ArchiveDamaged) -> RoutingConfig {
        let rules = try r.list { (r: inout ArchiveReader) throws(ArchiveDamaged) -> RoutingRule in
            let name = try r.string()
            let when = try r.list { (r: inout ArchiveReader) throws(ArchiveDamaged) -> RoutingMatch in
                switch try r.tag() {
                case 0:
                    let field = try r.value(RoutingField.self)
                    return .field(field, try r.strings())
                case 1:
                    let min = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.int() }
                    return .beds(min: min, max: try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.int() })
                case 2: return .answers(try readCondition(&r, depth: 0))
                default: throw ArchiveDamaged()
                }
            }
            let target: RoutingTarget
            switch try r.tag() {
            case 0: target = .owner(try r.string())
            case 1: target = .pool(try r.strings())
            default: throw ArchiveDamaged()
            }
            return RoutingRule(name: name, when: when, target: target)
        }
        let capacity = try r.optional { (r: inout ArchiveReader) throws(ArchiveDamaged) in try r.int() }
        return RoutingConfig(rules: rules, capacityPerOwnerPerMonth: capacity)
    }
}
