import Foundation
import Hummingbird

/// The fields of a posted `application/x-www-form-urlencoded` form.
enum PostedForm {
    /// Reads the body once and keeps it on `request`, so a later reader sees it too.
    static func read(_ request: inout Request, context: some RequestContext) async throws -> [String: String] {
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        return PublicPage.formFields(String(buffer: buffer))
    }

    /// Every value posted under `name` (checkboxes), in order, from a body ``read`` kept.
    static func values(_ name: String, in request: Request) async throws -> [String] {
        let buffer = try await request.body.collect(upTo: .max)
        return String(buffer: buffer).split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            return parts.count == 2 && parts[0] == name ? parts[1] : nil
        }
    }
}
