import ConciergeDomain

/// Applies the tenant's custom field definitions and forms to a ticket's values: validation
/// (errors on `custom_fields.<key>`), required-on-create and required-to-solve, and that
/// referenced customers and assets exist.
struct TicketFieldRules {
    let tx: any TenantTransaction
    let values: CustomFieldValues
    let forms: [TicketForm]

    static func load(_ tx: any TenantTransaction) async throws -> TicketFieldRules {
        TicketFieldRules(
            tx: tx, values: CustomFieldValues(definitions: try await tx.customFields.definitions()),
            forms: try await tx.customFields.forms())
    }

    /// The rules at configuration `version`, from `cache` when it holds that version.
    static func load(_ tx: any TenantTransaction, version: Int64, cache: TicketConfigurationCache) async throws
        -> TicketFieldRules
    {
        let configuration = try await cache.configuration(of: tx.tenantID, version: version) {
            (try await tx.customFields.definitions(), try await tx.customFields.forms())
        }
        return TicketFieldRules(
            tx: tx, values: CustomFieldValues(definitions: configuration.definitions), forms: configuration.forms)
    }

    /// The form that applies to a ticket of `type`, chosen explicitly by `formKey` or not.
    func form(key formKey: String?, type: TicketType) throws -> TicketForm? {
        do throws(ValidationError) {
            return try TicketForm.select(from: forms, formKey: formKey, ticketType: type)
        } catch {
            throw AppError.invalid(error)
        }
    }

    /// Validated, normalised values for a new ticket (nulls dropped), with required fields checked.
    func forNewTicket(_ input: [String: JSONValue], form: TicketForm?, asCustomer: Bool) async throws -> [String:
        JSONValue]
    {
        let normalized: [String: JSONValue]
        do throws(ValidationError) { normalized = try values.validate(input, form: form, asCustomer: asCustomer) } catch
        {
            throw AppError.invalid(error)
        }
        let merged = CustomFieldValues.merging(normalized, into: [:])
        if let missing = values.missingRequired(onCreate: merged, form: form, asCustomer: asCustomer).first {
            throw AppError.invalid(missing)
        }
        try await checkReferences(merged)
        return merged
    }

    /// Validated changes (nulls kept: they clear a value).
    func forChange(_ input: [String: JSONValue], form: TicketForm?, asCustomer: Bool) async throws -> [String:
        JSONValue]
    {
        let normalized: [String: JSONValue]
        do throws(ValidationError) { normalized = try values.validate(input, form: form, asCustomer: asCustomer) } catch
        {
            throw AppError.invalid(error)
        }
        try await checkReferences(normalized.filter { $0.value != .null })
        return normalized
    }

    /// Refuses to solve or close a ticket whose required-to-solve fields are empty.
    func checkSolvable(_ ticket: Ticket, form: TicketForm?) throws {
        guard ticket.status == .solved || ticket.status == .closed else { return }
        if let missing = values.missingRequiredToSolve(ticket.customFields, form: form).first {
            throw AppError.invalid(missing)
        }
    }

    private func checkReferences(_ input: [String: JSONValue]) async throws {
        for reference in values.references(in: input) {
            let exists: Bool =
                switch reference.kind {
                case .customer: try await tx.customers.find(id: CustomerID(reference.id)) != nil
                case .asset: try await tx.assets.find(id: AssetID(reference.id)) != nil
                }
            if !exists { throw AppError.invalid(reference.notFoundError) }
        }
    }
}
