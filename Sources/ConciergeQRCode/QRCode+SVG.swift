extension QRCode {
    /// The module sizes `svg(moduleSize:border:title:)` accepts; other values are clamped into this range.
    public static let svgModuleSizeRange = 1...32

    /// Renders the symbol as a standalone SVG document: a white background and one black `<path>`.
    ///
    /// The `viewBox` is in modules (including the quiet zone) and `width`/`height` are in pixels, so the image
    /// scales cleanly. Horizontal runs of dark modules are merged into one rectangle each.
    ///
    /// - Parameters:
    ///   - moduleSize: Pixels per module for the `width` and `height` attributes. Clamped to
    ///     `svgModuleSizeRange` (1…32).
    ///   - border: Light quiet zone around the symbol, in modules. Clamped to `borderRange` (0…16).
    ///   - title: Optional accessible title, written as an escaped `<title>` element.
    /// - Returns: The SVG markup.
    public func svg(moduleSize: Int = 8, border: Int = 4, title: String? = nil) -> String {
        let moduleSize = moduleSize.clamped(to: Self.svgModuleSizeRange)
        let border = border.clamped(to: Self.borderRange)
        let modulesAcross = size + 2 * border
        let pixels = modulesAcross * moduleSize
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"\(pixels)\" height=\"\(pixels)\""
        svg += " viewBox=\"0 0 \(modulesAcross) \(modulesAcross)\" shape-rendering=\"crispEdges\">\n"
        if let title {
            svg += "<title>\(Self.escapingXML(title))</title>\n"
        }
        svg += "<rect width=\"\(modulesAcross)\" height=\"\(modulesAcross)\" fill=\"#ffffff\"/>\n"
        svg += "<path fill=\"#000000\" d=\"\(darkRunsPath(offset: border))\"/>\n"
        svg += "</svg>\n"
        return svg
    }

    /// Path data with one closed rectangle per horizontal run of dark modules, shifted by `offset` modules.
    private func darkRunsPath(offset: Int) -> String {
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else {
                    x += 1
                    continue
                }
                let runStart = x
                while x < size && self[x, y] {
                    x += 1
                }
                let length = x - runStart
                path += "M\(runStart + offset) \(y + offset)h\(length)v1h-\(length)z"
            }
        }
        return path
    }

    /// `text` with the five XML special characters replaced by entity references.
    static func escapingXML(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
