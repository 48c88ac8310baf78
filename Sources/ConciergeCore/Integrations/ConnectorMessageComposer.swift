import ConciergeDomain
import Foundation

/// Composes the message a connector gets for a ticket event: a title and a text (from the
/// connector's `title_template` / `text_template`, or a default in the tenant's language), the
/// ticket's link, and the webhook's JSON payload (the event and a summary of the ticket).
///
/// Internal notes and internal-only custom fields never reach the message: connectors often
/// post into group chats that customers or partners can read. The requester's and the
/// organization's `external_id` are their ids in the connector's own system (their
/// `external_ids` entry under ``Connector/externalIDSystem``), which CRM and ERP connectors send with.
struct ConnectorMessageComposer {
    let tx: any TenantTransaction
    let tenant: Tenant
    let publicURL: String

    func compose(
        deliveryID: ConnectorDeliveryID, eventType: String, eventID: String, occurredAt: Date, ticket: Ticket?,
        connector: Connector, extra: JSONValue? = nil
    ) async throws -> ConnectorMessage {
        let settings = connector.settings
        var payload: [String: JSONValue] = ["event_id": .string(eventID)]
        var context = MacroContext(
            ticketNumber: "", ticketSubject: "", ticketStatus: "", requesterName: "", requesterEmail: "", agentName: "")
        var link: String?
        if let ticket {
            let requester = try await tx.customers.find(id: ticket.requesterID)
            let assignee = try await ticket.assigneeID.asyncMap { try await tx.users.find(id: $0) } ?? nil
            let organization =
                try await ticket.organizationID.asyncMap { try await tx.organizations.find(id: $0) } ?? nil
            let definitions = CustomFieldValues(definitions: try await tx.customFields.definitions())
            let visibleFields = definitions.visibleToCustomer(ticket.customFields)
            context = MacroContext(
                ticketNumber: String(ticket.number), ticketSubject: ticket.subject,
                ticketStatus: ticket.status.rawValue,
                requesterName: requester?.name ?? "", requesterEmail: requester?.emails.first ?? "",
                agentName: assignee?.name ?? "", customFields: MacroContext.customFieldText(visibleFields))
            link =
                "\(publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL)/agent/tickets/\(ticket.number)"
            let requesterSummary: JSONValue = .object([
                "id": .string(ticket.requesterID.description), "name": .string(requester?.name ?? ""),
                "email": requester?.emails.first.map(JSONValue.string) ?? .null,
                "external_id": requester?.externalIDs[connector.externalIDSystem].map(JSONValue.string) ?? .null,
            ])
            var organizationSummary: JSONValue = .null
            if let organization {
                organizationSummary = .object([
                    "id": .string(organization.id.description), "name": .string(organization.name),
                    "external_id": organization.externalIDs[connector.externalIDSystem].map(JSONValue.string) ?? .null,
                ])
            }
            payload["ticket"] = .object([
                "id": .string(ticket.id.description), "number": .number(Double(ticket.number)),
                "subject": .string(ticket.subject), "status": .string(ticket.status.rawValue),
                "priority": .string(ticket.priority.rawValue), "type": .string(ticket.type.rawValue),
                "channel": .string(ticket.channel.rawValue),
                "requester": requesterSummary, "organization": organizationSummary,
                "description": .string(String(ticket.description.prefix(4000))),
                "assignee_id": ticket.assigneeID.map { .string($0.description) } ?? .null,
                "group_id": ticket.groupID.map { .string($0.description) } ?? .null,
                "tags": .array(ticket.tags.map(JSONValue.string)), "custom_fields": .object(visibleFields),
                "created_at": .string(ConnectorMessage.timestamp(ticket.createdAt)),
                "updated_at": .string(ConnectorMessage.timestamp(ticket.updatedAt)),
                "url": link.map(JSONValue.string) ?? .null,
            ])
        }
        if let extra { payload["rule_payload"] = extra }
        let title = template(settings["title_template"]).map { $0.render(context) } ?? defaultTitle(eventType, context)
        let text = template(settings["text_template"]).map { $0.render(context) } ?? defaultText(eventType, context)
        return ConnectorMessage(
            deliveryID: deliveryID, eventType: eventType, occurredAt: occurredAt, tenant: tenant.slug.rawValue,
            title: title, text: text, link: link, payload: .object(payload))
    }

    private func template(_ value: JSONValue?) -> MacroTemplate? {
        if case .string(let text)? = value { MacroTemplate(text) } else { nil }
    }

    private var chinese: Bool { tenant.locale == .zhCN }

    private func defaultTitle(_ eventType: String, _ context: MacroContext) -> String {
        context.ticketNumber.isEmpty
            ? "\(tenant.name): \(label(eventType))"
            : "#\(context.ticketNumber) \(context.ticketSubject)"
    }

    private func defaultText(_ eventType: String, _ context: MacroContext) -> String {
        guard !context.ticketNumber.isEmpty else { return label(eventType) }
        let status = chinese ? "状态" : "Status"
        let requester = chinese ? "客户" : "Requester"
        return
            "\(label(eventType)) #\(context.ticketNumber) \(context.ticketSubject)\n\(status): \(context.ticketStatus)"
            + (context.requesterName.isEmpty ? "" : "\n\(requester): \(context.requesterName)")
    }

    /// The event's name in the tenant's language (the raw type for events without one).
    func label(_ eventType: String) -> String {
        let labels: [String: (zh: String, en: String)] = [
            "ticket.created": ("新工单", "New ticket"), "ticket.updated": ("工单已更新", "Ticket updated"),
            "ticket.commented": ("工单有新回复", "New reply on ticket"),
            "ticket.sla_warning": ("SLA 即将违约", "SLA about to breach"),
            "ticket.sla_breached": ("SLA 已违约", "SLA breached"),
            "ticket.satisfaction_received": ("收到满意度评价", "Satisfaction rating received"),
            "ticket.rules_fired": ("规则已执行", "Rules applied"), "connector.test": ("连接器测试消息", "Connector test message"),
        ]
        guard let label = labels[eventType] else { return eventType }
        return chinese ? label.zh : label.en
    }
}
