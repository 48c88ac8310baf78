import Foundation
import Hummingbird

/// The frame of the pages customers see without an account (surveys, web forms): Chinese or
/// English, every dynamic text escaped, no script (the Content-Security-Policy allows none).
enum PublicPage {
    /// A whole HTML document around `body`.
    static func response(title: String, english: Bool, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let html = """
            <!doctype html>
            <html lang="\(english ? "en" : "zh-CN")"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(title))</title></head>
            <body>
            \(body)
            </body></html>
            """
        return Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy:
                    "default-src 'none'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
                .init("X-Content-Type-Options")!: "nosniff", .init("Referrer-Policy")!: "no-referrer",
                .cacheControl: "no-store",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// `text` safe inside HTML text and quoted attributes.
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Whether the request prefers English (otherwise the page is Chinese).
    static func prefersEnglish(_ request: Request) -> Bool {
        let languages = request.headers[.acceptLanguage]?.lowercased() ?? ""
        return languages.hasPrefix("en") || (!languages.contains("zh") && languages.contains("en"))
    }

    /// The fields of an `application/x-www-form-urlencoded` body.
    static func formFields(_ body: String) -> [String: String] {
        formPairs(body).reduce(into: [:]) { $0[$1.name] = $1.value }
    }

    /// Every name and value of an `application/x-www-form-urlencoded` body, in order (a name
    /// repeats for each ticked checkbox). An empty value (`assignee_id=`, a "— none —" choice)
    /// is kept as an empty string: it means "clear", which a missing field does not.
    static func formPairs(_ body: String) -> [(name: String, value: String)] {
        body.split(separator: "&").compactMap { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first, !name.isEmpty else { return nil }
            return (name, parts.count == 2 ? parts[1] : "")
        }
    }
}
