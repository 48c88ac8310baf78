/// What a scan does with one automation on one ticket, given whether its conditions hold now
/// and whether it already fired for the ticket (a stored marker).
///
/// This is "fire once per ticket per rule until the condition stops holding": an automation
/// fires the first time its conditions hold, stays quiet while they keep holding, and may fire
/// again only after a scan that found them not holding removed the marker.
public enum AutomationDecision: String, Sendable, Equatable, CaseIterable {
    /// Run the actions and store the marker.
    case fire
    /// Conditions still hold and it already fired: do nothing, keep the marker.
    case skip
    /// Conditions stopped holding: remove the marker so that the automation can fire again.
    case reset
    /// Conditions do not hold and there is no marker: nothing to do.
    case idle

    /// The decision for one automation on one ticket.
    public static func decide(matches: Bool, firedBefore: Bool) -> AutomationDecision {
        switch (matches, firedBefore) {
        case (true, false): .fire
        case (true, true): .skip
        case (false, true): .reset
        case (false, false): .idle
        }
    }
}
