import Foundation

/// Why a gate is not met yet.
public enum GateGap: Sendable, Equatable {
    /// An applicable question carrying the gate has no answer.
    case unanswered(question: String, ask: String)
    /// It is answered, but not so as to satisfy the gate (e.g. a choice without the gate).
    case notSatisfied(question: String, ask: String, value: String)
    /// No applicable question carries the gate (e.g. only a follow-up whose `when` does not hold).
    case noApplicableQuestion
    /// `next-step`: there is no open next step.
    case noNextStep
    /// `next-step`: the open next step lacks an owner or a due date.
    case nextStepIncomplete(missing: [String])

    public var description: String {
        switch self {
        case .unanswered(let q, let ask): return "\(q) \"\(ask)\" is unanswered"
        case .notSatisfied(let q, let ask, let value): return "\(q) \"\(ask)\" = \(value) does not satisfy it"
        case .noApplicableQuestion: return "no applicable question carries it yet"
        case .noNextStep: return "no open next step ('next set ACTION --owner U --due DATE')"
        case .nextStepIncomplete(let missing): return "the open next step has no \(missing.joined(separator: " and "))"
        }
    }
}

/// One SQL gate of the profile: met or not, and what shows it.
public struct GateStatus: Sendable, Equatable {
    public var name: String
    public var met: Bool
    /// The answers (or next step) that satisfy it.
    public var satisfiedBy: [TraceSource]
    /// What keeps it from being met; empty when met.
    public var gaps: [GateGap]
}

/// Gate semantics (SPEC §6). A gate is met when every *applicable* question that carries it, on
/// the question or on one of its choices, is answered so as to satisfy it: a chosen choice that
/// carries the gate does; for a question-level gate any answer does, except `yes-no`, which needs
/// yes. A gate that no applicable question carries is NOT met: nothing shows it yet (this is a
/// deliberate choice: an unconditional "met" would let a gate pass on no evidence at all).
/// The built-in `next-step` gate is met by an open next step with an owner and a due date.
enum GateEvaluation {
    static func evaluate(_ names: [String], applicable: [Question], answers: [String: AnswerValue],
                         nextStep: NextStep?) -> [GateStatus] {
        names.map { name in
            name == "next-step" ? nextStepGate(nextStep)
                                : questionGate(name, applicable: applicable, answers: answers)
        }
    }

    static func questionGate(_ name: String, applicable: [Question], answers: [String: AnswerValue]) -> GateStatus {
        var satisfied: [TraceSource] = []
        var gaps: [GateGap] = []
        var carriers = 0
        for q in applicable where q.carries(gate: name) {
            carriers += 1
            guard let value = answers[q.fullId] else {
                gaps.append(.unanswered(question: q.fullId, ask: q.ask))
                continue
            }
            let sources = q.sources(satisfying: name, value: value)
            if sources.isEmpty {
                gaps.append(.notSatisfied(question: q.fullId, ask: q.ask, value: value.display))
            } else {
                satisfied += sources
            }
        }
        if carriers == 0 { gaps.append(.noApplicableQuestion) }
        return GateStatus(name: name, met: gaps.isEmpty, satisfiedBy: satisfied, gaps: gaps)
    }

    static func nextStepGate(_ step: NextStep?) -> GateStatus {
        guard let step, step.doneAt == nil else {
            return GateStatus(name: "next-step", met: false, satisfiedBy: [], gaps: [.noNextStep])
        }
        let owner = step.owner.flatMap { $0.isEmpty ? nil : $0 }
        guard let owner, let due = step.due else {
            let missing = (owner == nil ? ["owner"] : []) + (step.due == nil ? ["due date"] : [])
            return GateStatus(name: "next-step", met: false, satisfiedBy: [], gaps: [.nextStepIncomplete(missing: missing)])
        }
        return GateStatus(name: "next-step", met: true,
                          satisfiedBy: [.nextStep(action: step.action, owner: owner, due: due)], gaps: [])
    }
}

extension Question {
    /// True when the question or one of its choices carries `gate`.
    public func carries(gate: String) -> Bool {
        carriedGates.contains(gate)
    }

    /// True when the question or one of its choices carries a hard stop.
    public var canStop: Bool { stop != nil || choices.contains { $0.stop != nil } }

    /// The choices an answer selects: the chosen id(s) of `choice` / `multi`, or `yes` / `no`
    /// when a `yes-no` question lists them as choices. Unknown ids select nothing.
    public func chosen(by value: AnswerValue) -> [Choice] {
        var chosen: [Choice] = []
        forEachChosen(by: value) { chosen.append($0) }
        return chosen
    }

    /// The same, one choice at a time, without a list (the verdict's way, for every answer).
    func forEachChosen(by value: AnswerValue, _ body: (Choice) -> Void) {
        switch value {
        case .choice(let id): if let c = choice(id) { body(c) }
        case .multi(let ids): for id in Verdict.unique(ids) { if let c = choice(id) { body(c) } }
        case .yesNo(let b): if let c = choice(b ? "yes" : "no") { body(c) }
        case .text, .number, .date, .contacts: break
        }
    }

    /// Whether the question-level `score`, `gate`, `flag` and `stop` apply to this answer:
    /// any answer does, except a `yes-no` answered no.
    public func questionLevelApplies(to value: AnswerValue) -> Bool {
        if case .yesNo(false) = value { return false }
        return true
    }

    /// The trace sources by which `value` satisfies `gate`; empty when it does not.
    func sources(satisfying gate: String, value: AnswerValue) -> [TraceSource] {
        if self.gate == gate && questionLevelApplies(to: value) {
            return [.answer(question: fullId, ask: ask, value: value.display)]
        }
        return chosen(by: value).filter { $0.gate == gate }.map {
            .choice(question: fullId, ask: ask, choice: $0.id, label: $0.label)
        }
    }
}
