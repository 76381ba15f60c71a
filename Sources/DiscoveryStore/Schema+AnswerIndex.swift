import GRDB

extension Schema {
    /// v7: the answer index carries the value and time of each revision, so the whole-book read
    /// (every revision in lead, question, id order) is a walk along one index, without a seek
    /// into the table per revision. It replaces v1's index of the same leading columns (the
    /// per-lead look-ups use it as before). No data changes.
    static let v7AnswerCoveringIndex = """
    DROP INDEX answer_lead_question;
    CREATE INDEX answer_lead_question_value ON answer(lead_id, question, id, value, at);
    """
}
