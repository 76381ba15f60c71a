import GRDB

extension Schema {
    /// v6: indexes for one person's follow-ups (the shell's start-up line, `due --owner`), so
    /// they are read without scanning the book: leads by owner, the calls of a caller that ask
    /// for a follow-up (with what finding each lead's latest call needs), open next steps by
    /// owner, and the few leads marked for re-qualification. Indexes only: no data changes.
    static let v6FollowUpIndexes = """
    CREATE INDEX lead_owner ON lead(owner);
    CREATE INDEX lead_requalify ON lead(requalify_at) WHERE requalify_trigger IS NOT NULL;
    CREATE INDEX call_actor_follow_up ON call(actor, follow_up_due, lead_id, at) WHERE follow_up_due IS NOT NULL;
    CREATE INDEX next_step_owner_due ON next_step(owner, due) WHERE done_at IS NULL;
    """
}
