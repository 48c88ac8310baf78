import ConciergeCore
import ConciergeDomain
import Foundation

/// The customer 360 beside a ticket: who the requester is, their organization, their recent
/// tickets, devices, contracts and how they rated the service. Rendered as a fragment the
/// ticket page asks for after it is shown (`/agent/customers/{id}/panel`).
struct AgentCustomerPanel {
    struct Device {
        let model: String
        let serialNumber: String
    }

    struct ContractLine {
        let number: String
        let name: String
        let ends: String
        let active: Bool
    }

    /// How many recent tickets, devices and contracts the panel lists.
    static let listLimit = 5

    let name: String
    // Optional, so that an empty one leaves out its row (Mustache shows an empty text).
    let emails: String?
    let phones: String?
    let tier: String?
    let organization: String?
    let tickets: [WebTicketLink]
    let devices: [Device]
    let contracts: [ContractLine]
    let satisfaction: String
    let openCount: String
    let hasDevices: Bool
    let hasContracts: Bool

    init(_ profile: CustomerProfile, viewer: WebViewer, now: Date) {
        let catalogue = viewer.catalogue
        let customer = profile.customer
        name = customer.name.isEmpty ? (customer.emails.first ?? "") : customer.name
        emails = customer.emails.isEmpty ? nil : customer.emails.joined(separator: ", ")
        phones = customer.phones.isEmpty ? nil : customer.phones.joined(separator: ", ")
        tier = customer.tier.isEmpty ? nil : customer.tier
        organization = profile.organization?.name
        tickets = profile.recentTickets.prefix(Self.listLimit).map { WebTicketLink($0, catalogue: catalogue) }
        devices = profile.assets.prefix(Self.listLimit).map { Device(model: $0.model, serialNumber: $0.serialNumber) }
        contracts = profile.contracts.prefix(Self.listLimit).map { contract in
            ContractLine(
                number: contract.number, name: contract.name ?? "",
                ends: contract.endsAt.map { viewer.dates.day($0) } ?? "", active: contract.isActive(at: now))
        }
        hasDevices = !devices.isEmpty
        hasContracts = !contracts.isEmpty
        let ratings = profile.satisfaction.filter { $0.kind == .csat }.compactMap(\.rating)
        satisfaction =
            ratings.isEmpty
            ? catalogue.text("panel_no_ratings")
            : catalogue.text(
                "panel_ratings",
                [
                    "average": String(format: "%.1f", Double(ratings.reduce(0, +)) / Double(ratings.count)),
                    "count": String(ratings.count),
                ])
        let open = [TicketStatus.new, .open, .pending, .onHold].reduce(0) { $0 + (profile.ticketCounts[$1] ?? 0) }
        openCount = catalogue.text("panel_open_tickets", ["count": String(open)])
    }
}
