import DiscoveryCore

/// The compact stored form of a checked `Catalog` (`CatalogCache`'s body): every field in a
/// fixed order through `ArchiveWriter`, read back by hand with `ArchiveReader`. It replaces JSON
/// through `Codable`, whose decoding was most of a one-shot command's start-up (a runtime look-up
/// of each decoded type's conformances in the whole program). The order here is the format:
/// change it and bump `CatalogCache.formatVersion`.
enum CatalogArchive {
    static func encode(_ catalog: Catalog) -> [UInt8] {
        var w = ArchiveWriter()
        w.int(catalog.sets.count)
        for set in catalog.sets { write(set, to: &w) }
        w.int(catalog.profiles.count)
        for profile in catalog.profiles { write(profile, to: &w) }
        w.int(catalog.signals.count)
        for signal in catalog.signals { write(signal, to: &w) }
        write(catalog.routing, to: &w)
        return w.bytes
    }

    private static func write(_ set: QuestionSet, to w: inout ArchiveWriter) {
        w.string(set.id)
        w.string(set.title)
        w.string(set.file)
        w.int(set.questions.count)
        for q in set.questions {
            w.string(q.id)
            w.string(q.setId)
            w.string(q.ask)
            w.optional(q.why) { $0.string($1) }
            w.string(q.type.rawValue)
            w.int(q.choices.count)
            for choice in q.choices { write(choice, to: &w) }
            write(q.score, to: &w)
            w.optional(q.gate) { $0.string($1) }
            w.optional(q.flag) { $0.string($1) }
            w.optional(q.stop) { $0.string($1.rawValue) }
            w.optional(q.when) { write($1, to: &$0) }
            w.bool(q.thenAskConsent)
            w.optional(q.fromLead) { write($1, to: &$0) }
            w.int(q.line)
        }
    }

    private static func write(_ choice: Choice, to w: inout ArchiveWriter) {
        w.string(choice.id)
        w.string(choice.label)
        write(choice.score, to: &w)
        w.optional(choice.gate) { $0.string($1) }
        w.optional(choice.flag) { $0.string($1) }
        w.optional(choice.stop) { $0.string($1.rawValue) }
    }

    private static func write(_ score: ScoreDelta, to w: inout ArchiveWriter) {
        w.int(score.fit)
        w.int(score.intent)
        w.int(score.readiness)
    }

    private static func write(_ source: LeadFieldSource, to w: inout ArchiveWriter) {
        w.string(source.field)
        w.int(source.map.count)
        for (key, value) in source.map.sorted(by: { $0.key < $1.key }) {
            w.string(key)
            w.string(value)
        }
        w.int(source.atLeast.count)
        for (key, value) in source.atLeast.sorted(by: { $0.key < $1.key }) {
            w.string(key)
            w.int(value)
        }
    }

    /// Tags: 0 answer-in, 1 answered, 2 all, 3 any, 4 not.
    static func write(_ condition: Condition, to w: inout ArchiveWriter) {
        switch condition {
        case .answerIn(let question, let values):
            w.tag(0)
            w.string(question)
            w.strings(values)
        case .answered(let question, let answered):
            w.tag(1)
            w.string(question)
            w.bool(answered)
        case .all(let conditions):
            w.tag(2)
            w.int(conditions.count)
            for c in conditions { write(c, to: &w) }
        case .any(let conditions):
            w.tag(3)
            w.int(conditions.count)
            for c in conditions { write(c, to: &w) }
        case .not(let c):
            w.tag(4)
            write(c, to: &w)
        }
    }

    private static func write(_ profile: Profile, to w: inout ArchiveWriter) {
        w.string(profile.id)
        w.string(profile.title)
        w.strings(profile.sets)
        w.int(profile.mql.minTotal)
        w.int(profile.mql.minFit)
        w.strings(profile.sql.gates)
        w.int(profile.sql.minFit)
        w.int(profile.bands.count)
        for kind in ScoreKind.allCases {
            guard let band = profile.bands[kind] else { continue }
            w.string(kind.rawValue)
            w.int(band.mid)
            w.int(band.high)
        }
        w.string(profile.file)
    }

    private static func write(_ signal: SignalDefinition, to w: inout ArchiveWriter) {
        w.string(signal.id)
        w.string(signal.label)
        write(signal.score, to: &w)
        w.string(signal.priority.rawValue)
        w.bool(signal.requalify)
    }

    /// Match tags: 0 field, 1 beds, 2 answers; target tags: 0 owner, 1 pool.
    private static func write(_ routing: RoutingConfig, to w: inout ArchiveWriter) {
        w.int(routing.rules.count)
        for rule in routing.rules {
            w.string(rule.name)
            w.int(rule.when.count)
            for match in rule.when {
                switch match {
                case .field(let field, let values):
                    w.tag(0)
                    w.string(field.rawValue)
                    w.strings(values)
                case .beds(let min, let max):
                    w.tag(1)
                    w.optional(min) { $0.int($1) }
                    w.optional(max) { $0.int($1) }
                case .answers(let condition):
                    w.tag(2)
                    write(condition, to: &w)
                }
            }
            switch rule.target {
            case .owner(let name):
                w.tag(0)
                w.string(name)
            case .pool(let names):
                w.tag(1)
                w.strings(names)
            }
        }
        w.optional(routing.capacityPerOwnerPerMonth) { $0.int($1) }
    }
}
