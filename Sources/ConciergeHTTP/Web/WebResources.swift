import ConciergeDomain
import Foundation
import Mustache

/// The web layer's bundled files, read once at start-up: the Mustache templates, the static
/// assets (CSS, JavaScript) and the string catalogues.
///
/// They ship inside the binary's resource bundle (`Resources/Web`), so a missing or malformed
/// file is a build defect: ``bundled`` stops the process with the reason instead of serving
/// broken pages.
public struct WebResources: Sendable {
    /// Templates by name (`tickets`, `layout`, …), with partials and layouts resolvable.
    public let templates: MustacheLibrary
    /// Static files by name (`app.css`).
    public let assets: [String: WebAsset]
    /// A digest of every asset: asset URLs carry it (`?v=`), so a new build busts the long cache.
    public let assetVersion: String
    let catalogues: [Tenant.Locale: WebCatalogue]

    /// The catalogue of `locale`.
    public func catalogue(_ locale: Tenant.Locale) -> WebCatalogue {
        catalogues[locale] ?? WebCatalogue(locale: locale, strings: [:])
    }

    /// The resources bundled with ConciergeHTTP.
    public static let bundled: WebResources = {
        do {
            guard let directory = Bundle.module.url(forResource: "Web", withExtension: nil) else {
                throw CocoaError(.fileNoSuchFile)
            }
            return try load(from: directory)
        } catch {
            preconditionFailure("the bundled web resources cannot be read: \(error)")
        }
    }()

    /// Reads templates, assets and catalogues from a `Web` directory.
    public static func load(from directory: URL) throws -> WebResources {
        let files = FileManager.default
        var library = MustacheLibrary()
        let templateDirectory = directory.appendingPathComponent("templates")
        for name in try files.contentsOfDirectory(atPath: templateDirectory.path) where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: templateDirectory.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        var assets: [String: WebAsset] = [:]
        let assetDirectory = directory.appendingPathComponent("assets")
        for name in try files.contentsOfDirectory(atPath: assetDirectory.path).sorted() {
            guard let contentType = WebAsset.contentType(of: name) else { continue }
            let bytes = try Data(contentsOf: assetDirectory.appendingPathComponent(name))
            assets[name] = WebAsset(bytes: bytes, contentType: contentType)
        }
        var catalogues: [Tenant.Locale: WebCatalogue] = [:]
        for locale in Tenant.Locale.allCases {
            catalogues[locale] = try WebCatalogue.load(locale, from: directory.appendingPathComponent("i18n"))
        }
        return WebResources(
            templates: library, assets: assets, assetVersion: WebAsset.version(of: assets), catalogues: catalogues)
    }

    /// Renders template `name` as a fragment of a page (no layout): `page` and the strings `t`.
    func renderFragment(_ name: String, page: Any, catalogue: WebCatalogue) -> String {
        render(name, context: ["t": catalogue.strings, "page": page])
    }

    /// Renders template `name` with `page`; the catalogue's strings are `t`, the frame `frame`.
    func render(_ name: String, page: Any, frame: WebFrame) -> String {
        render(name, context: ["t": frame.catalogue.strings, "frame": frame, "page": page])
    }

    /// Renders template `name` with `context`, its models flattened first (``MustacheTree``).
    func render(_ name: String, context: [String: Any]) -> String {
        templates.render(context.compactMapValues(MustacheTree.flatten), withTemplate: name) ?? ""
    }
}

/// One static file of the web pages.
public struct WebAsset: Sendable {
    public let bytes: Data
    public let contentType: String

    static func contentType(of name: String) -> String? {
        switch name.split(separator: ".").last {
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        default: nil
        }
    }

    /// FNV-1a over every asset's name and bytes, as 16 hex digits: stable across processes and
    /// replicas (unlike `Hasher`), which matters because every replica must name the same URL.
    static func version(of assets: [String: WebAsset]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (name, asset) in assets.sorted(by: { $0.key < $1.key }) {
            for byte in Data(name.utf8) + asset.bytes {
                hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
            }
        }
        return String(hash, radix: 16)
    }
}
