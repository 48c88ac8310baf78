extension TicketForm {
    /// Picks the form for a ticket.
    ///
    /// In order: the active form named by `formKey` when one is given; otherwise the first
    /// active form (in `forms` order — pass them in display order) that lists `ticketType`
    /// explicitly; otherwise the active default form; otherwise `nil`, meaning every active
    /// field applies. A form with no ticket types is chosen only by key or as the default, so
    /// a catch-all form never hides a more specific one.
    /// - Parameters:
    ///   - forms: The tenant's forms.
    ///   - formKey: A form the requester or agent chose, if any.
    ///   - ticketType: The ticket's type, if it has one.
    /// - Throws: ``ValidationError`` on `form`: `unknown_form` when `formKey` names no active
    ///   form, `form_not_applicable` when that form is not for `ticketType`.
    public static func select(from forms: [TicketForm], formKey: String? = nil, ticketType: TicketType?)
        throws(ValidationError) -> TicketForm?
    {
        let active = forms.filter(\.active)
        if let formKey {
            guard let chosen = active.first(where: { $0.key == formKey }) else {
                throw ValidationError(
                    field: "form", code: "unknown_form", message: "'\(formKey)' is not an active form")
            }
            guard chosen.applies(to: ticketType) else {
                throw ValidationError(
                    field: "form", code: "form_not_applicable",
                    message: "form '\(formKey)' is not for \(ticketType?.rawValue ?? "this") tickets")
            }
            return chosen
        }
        if let ticketType, let specific = active.first(where: { $0.ticketTypes.contains(ticketType) }) {
            return specific
        }
        return active.first(where: \.isDefault)
    }
}
