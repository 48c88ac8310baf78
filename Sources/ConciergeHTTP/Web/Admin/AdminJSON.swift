import ConciergeCore
import ConciergeDomain
import Foundation

/// The JSON the console's textareas hold (rule conditions and actions, SLA conditions):
/// shown pretty-printed, read back as the API reads a body, so a typo is an `invalid_json`
/// error on that textarea rather than a failure page.
enum AdminJSON {
    /// `value` as indented JSON with sorted keys (and `/` and Chinese left as they are).
    static func text(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// Parses the text of textarea `field`; empty text is `empty`.
    /// - Throws: `invalid_json` on `field`.
    static func value(_ text: String, field: String, empty: JSONValue) throws -> JSONValue {
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return empty }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))
        } catch {
            throw AppError(.invalidInput, code: "invalid_json", message: "is not valid JSON", field: field)
        }
    }

    /// Decodes a configuration document assembled from a form.
    /// - Throws: `invalid_json` naming the part that has the wrong shape (`conditions`,
    ///   `actions[1]`), as the API's decoding errors do.
    static func decode<Document: Decodable>(_ type: Document.Type, from document: [String: JSONValue]) throws
        -> Document
    {
        do {
            return try JSONDecoder().decode(type, from: try JSONEncoder().encode(document))
        } catch let error as DecodingError {
            let (path, detail) = Self.describe(error)
            throw AppError(.invalidInput, code: "invalid_json", message: detail, field: path.isEmpty ? nil : path)
        }
    }

    /// The dotted path (`actions[1].action`) and explanation of a decoding error.
    static func describe(_ error: DecodingError) -> (path: String, detail: String) {
        let (codingPath, detail): ([any CodingKey], String) =
            switch error {
            case .keyNotFound(let key, let context): (context.codingPath + [key], "is missing")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                (context.codingPath, context.debugDescription)
            @unknown default: ([], "has the wrong shape")
            }
        var path = ""
        for key in codingPath {
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return (path, detail)
    }
}
