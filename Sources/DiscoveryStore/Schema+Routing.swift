extension Schema {
    /// Routing, sales acceptance and re-qualification (SPEC §11): the rule that routed a lead,
    /// its re-qualification mark, the contact a signal names, and sales' rejections.
    static let v4Routing = """
    ALTER TABLE lead ADD COLUMN route_rule TEXT;
    ALTER TABLE lead ADD COLUMN requalify_trigger TEXT;
    ALTER TABLE lead ADD COLUMN requalify_at DATETIME;
    ALTER TABLE signal ADD COLUMN contact TEXT;

    CREATE TABLE rejection (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lead_id INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        reason TEXT NOT NULL,
        note TEXT,
        actor TEXT NOT NULL,
        at DATETIME NOT NULL
    );
    CREATE INDEX rejection_at ON rejection(at);
    """
}
