import Foundation

extension InboundWebhookMapping {
    /// Turns `payload` into a ticket draft.
    ///
    /// In order: the mapping is validated, the conditions are tested (the first failing one
    /// gives `.ignored`), the required paths are checked and the draft is built. The payload is
    /// refused (`.invalid`) when a required path is missing (`payload.$.alert.title`, code
    /// `missing`), the subject renders empty (`mapping.subject`, `empty_subject`), no requester
    /// email or phone results (`missing_requester`), a requester email is invalid without a
    /// fallback (`invalid_email`), a custom field gets an array or object (`invalid_type`), an
    /// external id or asset tag exceeds 255 characters (`too_long`) or the tags exceed what a
    /// ticket holds (`too_many_tags`).
    public func map(_ payload: JSONValue) -> InboundWebhookResult {
        do throws(ValidationError) {
            try validate()
            if let failed = conditions.first(where: { !$0.holds(for: payload) }) {
                return .ignored(reason: failed.failureReason(for: payload))
            }
            for path in required where (path.value(in: payload) ?? .null) == .null {
                throw ValidationError(field: "payload.\(path.text)", code: "missing", message: "is missing")
            }
            return .ticket(try draft(for: payload))
        } catch {
            return .invalid(error)
        }
    }

    private func draft(for payload: JSONValue) throws(ValidationError) -> InboundTicketDraft {
        let subject = try renderedSubject(for: payload)
        let (email, phone) = try requesterContact(in: payload)
        // The payload's tags are valid one by one; this applies the limit per ticket.
        let tags = try TicketTags.normalize(tags.tags(for: payload), field: "mapping.tags")
        let body = description.map { String($0.render(payload).prefix(Comment.maxBodyLength)) }
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return InboundTicketDraft(
            subject: subject,
            description: body?.isEmpty == false ? body : nil,
            requesterEmail: email,
            requesterPhone: phone,
            requesterName: requester.name?.trimmedText(in: payload),
            priority: priority?.resolve(payload, as: TicketPriority.self),
            type: type?.resolve(payload, as: TicketType.self),
            tags: tags,
            customFields: try customFieldValues(in: payload),
            externalID: try reference(externalID, in: payload, field: "mapping.external_id"),
            updateExisting: updateExisting,
            assetTag: try reference(asset, in: payload, field: "mapping.asset"))
    }

    private func renderedSubject(for payload: JSONValue) throws(ValidationError) -> String {
        let oneLine = subject.render(payload).split(whereSeparator: \.isNewline).joined(separator: " ")
        let trimmed = String(oneLine.trimmingCharacters(in: .whitespaces).prefix(InboundTicketDraft.maxSubjectLength))
            .trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else {
            let missing = subject.paths.filter { ($0.value(in: payload) ?? .null).isBlank }.map(\.text)
            let hint = missing.isEmpty ? "" : " (missing: \(missing.joined(separator: ", ")))"
            throw ValidationError(
                field: "mapping.subject", code: "empty_subject", message: "renders empty for this payload\(hint)")
        }
        return trimmed
    }

    /// The requester's email (the payload's when valid, else the fallback) and phone; at least
    /// one of them.
    private func requesterContact(in payload: JSONValue) throws(ValidationError) -> (String?, String?) {
        let phone = requester.phone?.trimmedText(in: payload)
        var email = requester.fallbackEmail.flatMap { try? Validate.email($0) }
        if let source = requester.email, let text = source.trimmedText(in: payload) {
            let field = source.payloadField(orElse: "mapping.requester.email")
            do throws(ValidationError) {
                email = try Validate.email(text, field: field)
            } catch {
                // An unusable address in the payload is replaced by the fallback, if any.
                guard email != nil else { throw error }
            }
        }
        guard email != nil || phone != nil else {
            let field = (requester.email ?? requester.phone)?.payloadField(orElse: "mapping.requester")
            throw ValidationError(
                field: field ?? "mapping.requester", code: "missing_requester",
                message: "gives no requester email or phone")
        }
        return (email, phone)
    }

    private func customFieldValues(in payload: JSONValue) throws(ValidationError) -> [String: JSONValue] {
        var values: [String: JSONValue] = [:]
        for key in customFields.keys.sorted() {
            guard let source = customFields[key], let value = source.value(in: payload), !value.isBlank else {
                continue
            }
            guard value.isScalar else {
                throw ValidationError(
                    field: source.payloadField(orElse: "mapping.custom_fields.\(key)"), code: "invalid_type",
                    message: "must be a string, number or boolean for custom field \(key)")
            }
            values[key] = value
        }
        return values
    }

    /// An external id or asset tag as trimmed text, at most 255 characters.
    private func reference(_ source: InboundValueSource?, in payload: JSONValue, field: String)
        throws(ValidationError) -> String?
    {
        guard let source, let text = source.trimmedText(in: payload) else { return nil }
        guard text.count <= InboundTicketDraft.maxReferenceLength else {
            throw ValidationError(
                field: source.payloadField(orElse: field), code: "too_long",
                message: "must be at most \(InboundTicketDraft.maxReferenceLength) characters")
        }
        return text
    }
}
