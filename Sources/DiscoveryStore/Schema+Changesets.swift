extension Schema {
    /// One row per change: its id is the `change_id` of the change's audit entries, handed out
    /// by the database (AUTOINCREMENT: never reused, ordered by commit of the insert), so ids
    /// stay unique however many writers there are. The changes already in the log keep theirs.
    static let v3Changesets = """
    CREATE TABLE changeset (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        actor TEXT NOT NULL,
        at DATETIME NOT NULL
    );
    INSERT INTO changeset (id, actor, at) SELECT change_id, min(actor), min(at) FROM audit GROUP BY change_id ORDER BY change_id;

    CREATE TRIGGER changeset_is_append_only BEFORE UPDATE ON changeset
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER changeset_keeps_rows BEFORE DELETE ON changeset
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """
}
