import HTTPTypes
import Hummingbird

extension Wrapped {
    /// The resource as a `201 Created` response whose `Location` is `path`.
    func created(at path: String, request: Request, context: some RequestContext) throws -> Response {
        var response = try APIJSONEncoder().encode(self, from: request, context: context)
        response.status = .created
        response.headers[.location] = path
        return response
    }
}
