import Foundation

/// The OpenAPI 3 description of `/api/v1`, served at `/openapi.json`. A test checks that
/// every registered route appears in it.
public enum OpenAPIDocument {
    /// The document's bytes.
    public static func data() throws -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return try Data(contentsOf: url)
    }
}
