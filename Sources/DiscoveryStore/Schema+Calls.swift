extension Schema {
    /// Calls name the person called and carry a consent override; follow-ups are found by
    /// their due time without scanning every call or next step.
    static let v2Calls = """
    ALTER TABLE call ADD COLUMN contact_id INTEGER REFERENCES contact(id) ON DELETE SET NULL;
    ALTER TABLE call ADD COLUMN consent_override TEXT;
    CREATE INDEX call_follow_up ON call(follow_up_due) WHERE follow_up_due IS NOT NULL;
    CREATE INDEX call_open ON call(lead_id) WHERE outcome IS NULL AND ended_at IS NULL;
    CREATE INDEX next_step_due ON next_step(due) WHERE done_at IS NULL;
    CREATE INDEX lead_mql ON lead(mql_at) WHERE mql_at IS NOT NULL;
    """
}
