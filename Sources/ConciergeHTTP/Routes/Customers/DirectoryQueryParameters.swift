import ConciergeCore
import ConciergeDomain
import Hummingbird
import HummingbirdCore

/// Reads the query parameters of the customer, organization and asset lists; a bad value
/// answers 400 naming the parameter.
struct DirectoryQueryParameters {
    let request: Request

    func customers() throws -> CustomerQuery {
        CustomerQuery(
            text: value("q"), organizationID: try id("organization_id"), limit: try request.pageLimit(),
            cursor: value("cursor"))
    }

    func organizations() throws -> OrganizationQuery {
        OrganizationQuery(text: value("q"), limit: try request.pageLimit(), cursor: value("cursor"))
    }

    func assets() throws -> AssetQuery {
        AssetQuery(
            serialNumber: value("serial_number"), customerID: try id("customer_id"),
            organizationID: try id("organization_id"), limit: try request.pageLimit(), cursor: value("cursor"))
    }

    private func value(_ name: String) -> String? {
        request.uri.queryParameters[name[...]].map(String.init).flatMap { $0.isEmpty ? nil : $0 }
    }

    private func id<Tag>(_ name: String) throws -> TypedID<Tag>? {
        guard let text = value(name) else { return nil }
        guard let id = TypedID<Tag>(text) else {
            throw AppError(.invalidInput, code: "invalid_parameter", message: "\(name) is not an id", field: name)
        }
        return id
    }
}
