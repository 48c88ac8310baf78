import ConciergeCore
import ConciergeDomain

/// `views.yaml` entries: shared views.
struct ViewSpec: Decodable {
    static let keys: Set<String> = ["key", "title", "filters"]
    var key: String
    var title: String
    var filters: ViewFilters
}
