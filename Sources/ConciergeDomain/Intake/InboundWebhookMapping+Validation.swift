extension InboundWebhookMapping {
    /// Checks the whole mapping: every path and template parses and is at most
    /// ``InboundTemplate/maxLength`` characters, the priority and type tables name real values,
    /// custom field keys are well-formed and the limits hold (``maxCustomFields`` custom fields,
    /// ``InboundTagsMapping/maxTags`` tags, ``maxConditions`` conditions).
    /// - Throws: ``ValidationError`` naming the first bad field under `mapping`, e.g.
    ///   `mapping.priority.values.P1` or `mapping.conditions[0].path`.
    public func validate() throws(ValidationError) {
        try subject.validate(field: "mapping.subject")
        try description?.validate(field: "mapping.description")
        try requester.validate(field: "mapping.requester")
        try priority?.validate(as: TicketPriority.self, field: "mapping.priority")
        try type?.validate(as: TicketType.self, field: "mapping.type")
        try tags.validate(field: "mapping.tags")
        try validateCustomFields()
        try externalID?.validate(field: "mapping.external_id")
        try asset?.validate(field: "mapping.asset")
        try validateConditions()
        for (index, path) in required.enumerated() { try path.validate(field: "mapping.required[\(index)]") }
    }

    private func validateCustomFields() throws(ValidationError) {
        guard customFields.count <= Self.maxCustomFields else {
            throw ValidationError(
                field: "mapping.custom_fields", code: "too_many_custom_fields",
                message: "at most \(Self.maxCustomFields) custom fields")
        }
        for key in customFields.keys.sorted() {
            let field = "mapping.custom_fields.\(key)"
            _ = try Validate.key(key, field: field)
            try customFields[key]?.validate(field: field)
        }
    }

    private func validateConditions() throws(ValidationError) {
        guard conditions.count <= Self.maxConditions else {
            throw ValidationError(
                field: "mapping.conditions", code: "too_many_conditions",
                message: "at most \(Self.maxConditions) conditions")
        }
        for (index, condition) in conditions.enumerated() {
            try condition.validate(field: "mapping.conditions[\(index)]")
        }
    }
}
