import DiscoveryCore

extension TestCatalog {
    /// Two small sets covering every question type and follow-ups, built in code.
    static let timeline = QuestionSet(id: "timeline", title: "Timeline and urgency", questions: [
        Question(id: "evaluation-window", setId: "timeline", ask: "Is there a target timeline for evaluation or procurement?",
                 why: "Readiness needs a stated evaluation window.", type: .choice, choices: [
                    Choice(id: "this-quarter", label: "Within this quarter", score: .init(readiness: 15), gate: "timeline"),
                    Choice(id: "next-two-quarters", label: "In the next two quarters", score: .init(readiness: 10), gate: "timeline"),
                    Choice(id: "exploring", label: "Just exploring, no plan", flag: "no-timeline"),
                 ]),
        Question(id: "target-date", setId: "timeline", ask: "Is there a planned review date?", type: .date,
                 when: .answerIn(question: "timeline.evaluation-window", values: ["this-quarter", "next-two-quarters"])),
        Question(id: "budget-approved", setId: "timeline", ask: "Is budget approved?", type: .yesNo),
        Question(id: "budget-amount", setId: "timeline", ask: "How much is budgeted (USD)?", type: .number,
                 when: .answerIn(question: "timeline.budget-approved", values: ["yes"])),
    ])

    static let committee = QuestionSet(id: "committee", title: "Buying committee", questions: [
        Question(id: "approvers", setId: "committee", ask: "Who gives final approval, and who else weighs in?", type: .contacts),
        Question(id: "process", setId: "committee", ask: "How does a new device get approved?", type: .text),
        Question(id: "departments", setId: "committee", ask: "Which departments take part?", type: .multi, choices: [
            Choice(id: "clinical", label: "Clinical"),
            Choice(id: "engineering", label: "Clinical engineering"),
            Choice(id: "procurement", label: "Procurement / value analysis"),
            Choice(id: "it", label: "IT"),
        ]),
        Question(id: "it-review", setId: "committee", ask: "Who runs the IT review?", type: .text,
                 when: .answerIn(question: "committee.departments", values: ["it"])),
    ])

    static let discovery = Catalog(
        sets: [timeline, committee],
        profiles: [
            Profile(id: "capital-equipment", title: "Capital equipment", sets: ["timeline", "committee"],
                    mql: .init(minTotal: 75, minFit: 30), sql: .init(gates: ["timeline", "next-step"], minFit: 30)),
            Profile(id: "consumables", title: "Consumables", sets: ["committee"],
                    mql: .init(minTotal: 40, minFit: 20), sql: .init(gates: ["next-step"], minFit: 20)),
        ],
        signals: [
            SignalDefinition(id: "demo-request", label: "Requested a demo", score: .init(intent: 50), priority: .high),
            SignalDefinition(id: "webinar-attended", label: "Attended a webinar", score: .init(intent: 15)),
            SignalDefinition(id: "unsubscribe", label: "Unsubscribed", score: .init(intent: -20)),
        ])
}
