import ConciergeDomain
import Foundation

/// `connector.deliver`: one attempt at one connector delivery (see ``ConnectorDeliverer``).
/// Safe to run twice: a delivery that is no longer open, or that another worker holds, is left
/// alone.
public struct ConnectorDeliveryJob: JobHandler {
    public var name: String { ConnectorDeliverer.jobName }
    let deliverer: ConnectorDeliverer

    public init(deliverer: ConnectorDeliverer) { self.deliverer = deliverer }

    struct Payload: Decodable {
        var deliveryID: String
        enum CodingKeys: String, CodingKey { case deliveryID = "delivery_id" }
    }

    public func handle(_ lease: LeasedJob, context: JobContext) async throws {
        guard let tenant = lease.job.tenantID,
            let payload = try? JSONDecoder().decode(Payload.self, from: Data(lease.job.payload.utf8)),
            let id = ConnectorDeliveryID(payload.deliveryID)
        else { throw JobFailure.permanent("payload is not a connector delivery") }
        try await deliverer.attempt(id, tenant: tenant)
    }
}
