/// What an ``ERPConnector/createIssueOrder(_:)`` call came to.
public enum IssueOrderResult: Sendable, Equatable {
    /// The ERP holds the document: `documentNumber` is its number (e.g. `WH/OUT/00012`,
    /// `QTCKD000031`); `alreadyExisted` when an earlier attempt with the same idempotency key
    /// had created it.
    case created(documentNumber: String, alreadyExisted: Bool)
    /// No document was created.
    case failed(IntegrationFailure)

    /// The result as a delivery outcome.
    public var outcome: ConnectorDeliveryOutcome {
        switch self {
        case .created(let number, let existed):
            return .delivered(
                summary: existed ? "issue order \(number) already existed" : "issue order \(number) created")
        case .failed(let failure): return failure.outcome
        }
    }
}
