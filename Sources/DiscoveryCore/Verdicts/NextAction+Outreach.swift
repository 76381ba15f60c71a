extension NextAction {
    /// True when the step means contacting the lead's people (a call, a meeting, an email,
    /// a nurture track). Only `disqualify` is internal. No outreach step is recommended, or
    /// may be set, for a lead whose consent is `no`.
    public var isOutreach: Bool { self != .disqualify }
}
