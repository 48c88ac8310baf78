import Foundation
import Hummingbird
import NIOCore

/// Encodes responses as JSON with snake_case keys and ISO 8601 dates.
public struct APIJSONEncoder: ResponseEncoder {
    public init() {}

    public func encode(_ value: some Encodable, from request: Request, context: some RequestContext) throws -> Response
    {
        var buffer = ByteBuffer()
        if let writable = value as? any JSONWritable {
            var writer = JSONWriter()
            writable.write(to: &writer)
            buffer.writeBytes(writer.bytes)
        } else {
            buffer.writeBytes(try Self.encoder.encode(value))
        }
        let count = buffer.readableBytes
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentLength: "\(count)"],
            body: .init(byteBuffer: buffer))
    }

    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}

/// Decodes request bodies as JSON. Keys are taken literally (request DTOs declare their
/// snake_case keys) so that a decoding error names the field as the client sent it.
public struct APIJSONDecoder: RequestDecoder {
    public init() {}

    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws
        -> T
    {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else {
            throw RequestBodyError.empty
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
    }
}

/// A request body that could not be read as required.
enum RequestBodyError: Error {
    case empty
}

extension Request {
    /// Decodes the JSON body, keeping `DecodingError` intact (Hummingbird's `decode(as:)`
    /// flattens it into a generic 400) so the error envelope can name the offending field.
    func decodeBody<T: Decodable>(as type: T.Type, context: some RequestContext) async throws -> T {
        try await APIJSONDecoder().decode(type, from: self, context: context)
    }
}
