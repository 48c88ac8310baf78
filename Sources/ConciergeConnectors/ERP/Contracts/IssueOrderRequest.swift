/// Spare parts leaving stock for a service ticket: an ERP "other issue" / delivery document.
public struct IssueOrderRequest: Sendable, Equatable {
    /// One part and how many.
    public struct Line: Sendable, Equatable {
        /// The part (material, product) number.
        public var partNumber: String
        /// How many, in the part's stock unit.
        public var quantity: Double

        /// Creates a line.
        public init(partNumber: String, quantity: Double) {
            self.partNumber = partNumber
            self.quantity = quantity
        }
    }

    /// The Concierge ticket the parts are for; written into the document's reference or note.
    public var ticketNumber: String
    /// The customer's id in the ERP.
    public var customerExternalID: String
    /// The parts.
    public var lines: [Line]
    /// The warehouse to issue from; `nil` uses the preset's default.
    public var warehouse: String?
    /// Identifies this order across retries: a retry with the same key returns the document made
    /// by the first attempt instead of a second one. Stored in the vendor's external-number field.
    public var idempotencyKey: String

    /// Creates a request.
    public init(
        ticketNumber: String, customerExternalID: String, lines: [Line], warehouse: String?, idempotencyKey: String
    ) {
        self.ticketNumber = ticketNumber
        self.customerExternalID = customerExternalID
        self.lines = lines
        self.warehouse = warehouse
        self.idempotencyKey = idempotencyKey
    }
}

extension IssueOrderRequest {
    /// `T-1001 / key`: written into the vendor's reference field, so people see the ticket and the
    /// connector finds an earlier attempt by the key.
    public var reference: String { "\(ticketNumber) / \(idempotencyKey)" }
}
