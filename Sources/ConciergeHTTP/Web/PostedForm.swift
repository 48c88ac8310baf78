import Foundation
import Hummingbird

/// The fields of a posted form: `application/x-www-form-urlencoded`, or `multipart/form-data`
/// when it carries files (the reply box).
enum PostedForm {
    /// Reads the body once (up to `limit` bytes, default the context's) and keeps it on
    /// `request`, so a later reader sees it too. - Returns: the text fields.
    static func read(_ request: inout Request, context: some RequestContext, limit: Int? = nil) async throws
        -> [String: String]
    {
        let buffer = try await request.collectBody(upTo: limit ?? context.maxUploadSize)
        if let multipart = MultipartFormData(
            contentType: request.headers[.contentType] ?? "", body: Array(buffer.readableBytesView))
        {
            return multipart.textFields
        }
        return PublicPage.formFields(String(buffer: buffer))
    }

    /// The files of a multipart form whose body ``read`` kept (none for other forms).
    static func files(in request: Request) async throws -> [MultipartFormData.Part] {
        let buffer = try await request.body.collect(upTo: .max)
        return MultipartFormData(
            contentType: request.headers[.contentType] ?? "", body: Array(buffer.readableBytesView))?
            .files ?? []
    }

    /// Every value posted under `name` (checkboxes), in order, from a body ``read`` kept.
    static func values(_ name: String, in request: Request) async throws -> [String] {
        try await pairs(in: request).filter { $0.name == name }.map(\.value)
    }

    /// Every name/value pair of a url-encoded body ``read`` kept, in order, names repeated.
    static func pairs(in request: Request) async throws -> [(name: String, value: String)] {
        let buffer = try await request.body.collect(upTo: .max)
        return PublicPage.formPairs(String(buffer: buffer))
    }
}
