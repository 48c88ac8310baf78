import Foundation
import Hummingbird

/// The fields of a posted `application/x-www-form-urlencoded` form.
enum PostedForm {
    /// Reads the body once and keeps it on `request`, so a later reader sees it too.
    static func read(_ request: inout Request, context: some RequestContext) async throws -> [String: String] {
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return PublicPage.formFields(String(buffer: buffer))
    }
}
