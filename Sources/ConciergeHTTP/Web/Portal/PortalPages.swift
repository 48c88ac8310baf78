import ConciergeCore
import ConciergeDomain
import Foundation

/// The models of the portal's pages: display strings only (labels from the portal catalogue,
/// dates in the tenant's time zone), so the templates hold no logic and every `{{ }}` is
/// escaped. Stored properties only: the templates see them through `Mirror`.
enum PortalPages {
    /// A request in a list.
    struct RequestRow {
        let number: Int64
        let subject: String
        let status: String
        let statusKey: String
        let updated: String
        let updatedISO: String
        let created: String
        let href: String

        init(_ ticket: Ticket, visit: PortalVisit) {
            let status = PortalStatus(ticket.status)
            number = ticket.number
            subject = ticket.subject
            self.status = visit.catalogue.text("portal_status_\(status.rawValue)")
            statusKey = status.rawValue
            updated = visit.dates.text(ticket.updatedAt)
            updatedISO = visit.dates.iso(ticket.updatedAt)
            created = visit.dates.day(ticket.createdAt)
            href = visit.paths.request(ticket.number)
        }
    }

    /// A web form offered on the home page.
    struct FormCard {
        let title: String
        let intro: String?
        let href: String
    }

    struct Home {
        let welcome: String
        let forms: [FormCard]
        let hasForms: Bool
        let mailboxes: [String]
        let hasMailboxes: Bool
        let recent: [RequestRow]
        let hasRecent: Bool
        let signedIn: Bool

        init(site: PortalSite, recent: [Ticket], visit: PortalVisit) {
            welcome = visit.catalogue.text("portal_home_welcome", ["tenant": site.tenant.name])
            forms = site.forms.map {
                FormCard(title: $0.title ?? $0.name, intro: $0.intro, href: visit.paths.form($0.key))
            }
            hasForms = !forms.isEmpty
            mailboxes = site.mailboxes
            hasMailboxes = !mailboxes.isEmpty
            self.recent = recent.map { RequestRow($0, visit: visit) }
            hasRecent = !self.recent.isEmpty
            signedIn = visit.visitor != nil
        }
    }

    struct Login {
        let action: String
        let email: String
        let next: String?
        let error: String?
    }

    struct LinkSent {
        let message: String
        let retryURL: String
    }

    /// The page a sign-in link opens: a button that signs in (a post, so a mail scanner that
    /// fetches the link does not spend it), or why the link no longer works.
    struct SignInLink {
        let usable: Bool
        let message: String
        let action: String
        let next: String?
        let loginURL: String
    }

    /// The device a QR code names, as the form shows it.
    struct AssetLine {
        let model: String
        let serial: String
    }

    struct Form {
        let title: String
        let intro: String?
        let action: String
        let asset: AssetLine?
        let assetValue: String?
        let signature: String?
        let renderedAt: String
        let signedIn: Bool
        let customerLine: String?
        let name: String
        let email: String
        let phone: String
        let subject: String
        let description: String
        let allowsFiles: Bool
        let error: String?
        let loginURL: String
    }

    struct Received {
        let message: String
        let followLine: String
        let loginURL: String
    }

    struct Tab {
        let label: String
        let href: String
        let current: Bool
        let key: String
    }

    struct Requests {
        let tabs: [Tab]
        let rows: [RequestRow]
        let hasRows: Bool
        let nextURL: String?
        let firstURL: String?

        init(page: PortalRequestPage, filter: PortalRequestFilter, cursor: String?, visit: PortalVisit) {
            tabs = PortalRequestFilter.allCases.map {
                Tab(
                    label: visit.catalogue.text("portal_tab_\($0.rawValue)"), href: visit.paths.requests(filter: $0),
                    current: $0 == filter, key: $0.rawValue)
            }
            rows = page.tickets.map { RequestRow($0, visit: visit) }
            hasRows = !rows.isEmpty
            nextURL = page.nextCursor.map { visit.paths.requests(filter: filter, cursor: $0) }
            firstURL = cursor == nil ? nil : visit.paths.requests(filter: filter)
        }
    }
}
