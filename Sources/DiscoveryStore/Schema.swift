import GRDB

/// The database schema, one migration per version. Never edit a shipped migration: add one.
enum Schema {
    /// Every migration in order, by identifier: the one list `migrator` is built from and
    /// that `SQLiteStore.open` compares the applied ones with (building GRDB's migrator costs a
    /// run-time type look-up, so a start that has nothing to migrate does not).
    static let migrations: [(identifier: String, migrate: @Sendable (Database) throws -> Void)] = [
        ("v1", { db in try db.execute(sql: v1) }),
        ("v2-calls", { db in try db.execute(sql: v2Calls) }),
        ("v3-changesets", { db in try db.execute(sql: v3Changesets) }),
        ("v4-routing", { db in try db.execute(sql: v4Routing) }),
        ("v5-crm-interchange", { db in
            try db.execute(sql: v4CRM)
            try splitStoredNames(db)
        }),
        ("v6-follow-up-indexes", { db in try db.execute(sql: v6FollowUpIndexes) }),
        ("v7-answer-covering-index", { db in try db.execute(sql: v7AnswerCoveringIndex) }),
        ("v8-verdict-basis", { db in try db.execute(sql: v8VerdictBasis) }),
        ("v9-follow-up-counts", { db in try db.execute(sql: v9FollowUpCounts) }),
    ]

    static var migrator: DatabaseMigrator {
        var m = DatabaseMigrator()
        for migration in migrations { m.registerMigration(migration.identifier, migrate: migration.migrate) }
        return m
    }

    static let v1 = """
    CREATE TABLE lead (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        org TEXT NOT NULL,
        type TEXT, specialty TEXT, region TEXT, beds INTEGER, source TEXT,
        profile TEXT NOT NULL,
        consent TEXT NOT NULL DEFAULT 'unknown',
        owner TEXT,
        stage TEXT NOT NULL DEFAULT 'new',
        stage_reason TEXT, stage_note TEXT,
        created_at DATETIME NOT NULL, updated_at DATETIME NOT NULL,
        stage_changed_at DATETIME NOT NULL,
        mql_at DATETIME
    );
    CREATE INDEX lead_org ON lead(org COLLATE NOCASE);
    CREATE INDEX lead_stage ON lead(stage);

    CREATE TABLE contact (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lead_id INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        name TEXT NOT NULL, title TEXT, role TEXT, email TEXT, phone TEXT,
        consent TEXT NOT NULL DEFAULT 'unknown',
        created_at DATETIME NOT NULL
    );
    CREATE INDEX contact_lead ON contact(lead_id);
    CREATE INDEX contact_email ON contact(email COLLATE NOCASE);

    CREATE TABLE call (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lead_id INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        outcome TEXT,
        note TEXT,
        duration_min INTEGER,
        at DATETIME NOT NULL,
        ended_at DATETIME,
        actor TEXT NOT NULL,
        follow_up_due DATETIME
    );
    CREATE INDEX call_lead ON call(lead_id, at);

    -- One row per revision: answers are never overwritten. value is JSON; NULL retracts.
    CREATE TABLE answer (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lead_id INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        question TEXT NOT NULL,
        value TEXT,
        note TEXT,
        call_id INTEGER REFERENCES call(id) ON DELETE SET NULL,
        actor TEXT NOT NULL,
        at DATETIME NOT NULL
    );
    CREATE INDEX answer_lead_question ON answer(lead_id, question, id);

    CREATE TABLE signal (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lead_id INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        note TEXT,
        actor TEXT NOT NULL,
        at DATETIME NOT NULL
    );
    CREATE INDEX signal_lead ON signal(lead_id, at);

    CREATE TABLE next_step (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lead_id INTEGER NOT NULL REFERENCES lead(id) ON DELETE CASCADE,
        action TEXT NOT NULL,
        note TEXT,
        owner TEXT,
        due DATETIME,
        set_at DATETIME NOT NULL,
        actor TEXT NOT NULL,
        done_at DATETIME
    );
    CREATE INDEX next_step_lead ON next_step(lead_id, done_at);

    -- Append-only audit log. A change (one command) may write several entries with one change_id.
    CREATE TABLE audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        change_id INTEGER NOT NULL,
        at DATETIME NOT NULL,
        actor TEXT NOT NULL,
        lead_id INTEGER,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        field TEXT,
        old_value TEXT,
        new_value TEXT
    );
    CREATE INDEX audit_lead ON audit(lead_id, id);
    CREATE INDEX audit_change ON audit(change_id);

    -- Leads whose personal data was erased by `lead delete`: only their audit values may be blanked.
    CREATE TABLE audit_erasure (
        lead_id INTEGER PRIMARY KEY,
        at DATETIME NOT NULL,
        actor TEXT NOT NULL
    );

    CREATE TRIGGER audit_is_append_only BEFORE UPDATE ON audit
    WHEN NOT (
        EXISTS (SELECT 1 FROM audit_erasure e WHERE e.lead_id = OLD.lead_id)
        AND NEW.id IS OLD.id AND NEW.change_id IS OLD.change_id AND NEW.at IS OLD.at
        AND NEW.actor IS OLD.actor AND NEW.lead_id IS OLD.lead_id AND NEW.action IS OLD.action
        AND NEW.entity IS OLD.entity AND NEW.entity_id IS OLD.entity_id AND NEW.field IS OLD.field
        AND NEW.old_value IS NULL AND NEW.new_value IS NULL
    )
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    CREATE TRIGGER audit_keeps_entries BEFORE DELETE ON audit
    BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    CREATE TRIGGER audit_erasure_is_permanent BEFORE DELETE ON audit_erasure
    BEGIN SELECT RAISE(ABORT, 'erasure records are permanent'); END;
    """
}
