import ConciergeDomain

/// `POST /api/v1/customers/{id}/merge`: the customer to merge into the one in the path.
struct CustomerMergeBody: Decodable {
    var sourceId: CustomerID

    enum CodingKeys: String, CodingKey {
        case sourceId = "source_id"
    }
}
