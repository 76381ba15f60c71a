import GRDB

extension Schema {
    /// v6: indexes for one person's follow-ups (the shell's start-up line, `due --owner`), so
    /// they are read without scanning the book: an owner's leads that reached `mql`, by stage;
    /// an owner's leads marked for re-qualification; the calls of a caller that ask for a
    /// follow-up, in lead order with what finding each lead's latest call needs (the seeks into
    /// `call_lead` then walk its pages in order); open next steps by owner. No data changes.
    static let v6FollowUpIndexes = """
    CREATE INDEX lead_owner_mql ON lead(owner, stage) WHERE mql_at IS NOT NULL;
    CREATE INDEX lead_requalify ON lead(owner) WHERE requalify_trigger IS NOT NULL;
    CREATE INDEX call_actor_follow_up ON call(actor, lead_id, at, follow_up_due) WHERE follow_up_due IS NOT NULL;
    CREATE INDEX next_step_owner_due ON next_step(owner, due) WHERE done_at IS NULL;
    """
}
