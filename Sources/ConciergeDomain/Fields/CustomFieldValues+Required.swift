extension CustomFieldValues {
    /// The required-on-create fields that `values` leave empty.
    ///
    /// - Parameters:
    ///   - values: The merged, stored-form values of the new ticket.
    ///   - form: The ticket's form; when given, only its fields are required.
    ///   - asCustomer: Whether a customer creates the ticket; a customer cannot see internal
    ///     fields, so those are not required of them (an agent fills them later).
    /// - Returns: One ``ValidationError`` per empty field, code `required` on
    ///   `custom_fields.<key>`, in the order the fields apply; empty when nothing is missing.
    public func missingRequired(
        onCreate values: [String: JSONValue], form: TicketForm? = nil, asCustomer: Bool = false
    ) -> [ValidationError] {
        applicable(form: form)
            .filter { $0.requiredOnCreate && !(asCustomer && $0.visibility == .internal) }
            .filter { !$0.isFilled(values[$0.key]) }
            .map { ValidationError(field: $0.valueErrorField, code: "required", message: "is required") }
    }

    /// The required-to-solve fields that `values` leave empty, checked when a ticket moves to
    /// solved (or closed).
    ///
    /// - Parameters:
    ///   - values: The ticket's merged, stored-form values.
    ///   - form: The ticket's form; when given, only its fields are required.
    /// - Returns: One ``ValidationError`` per empty field, code `required` on
    ///   `custom_fields.<key>`, in the order the fields apply; empty when nothing is missing.
    public func missingRequiredToSolve(_ values: [String: JSONValue], form: TicketForm? = nil) -> [ValidationError] {
        applicable(form: form)
            .filter { $0.requiredToSolve && !$0.isFilled(values[$0.key]) }
            .map {
                ValidationError(
                    field: $0.valueErrorField, code: "required", message: "is required before the ticket is solved")
            }
    }
}
