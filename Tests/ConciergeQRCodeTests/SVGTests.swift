import Foundation
import Testing

@testable import ConciergeQRCode

@Suite("SVG output")
struct SVGTests {
    static let rsvgConvertPath = [
        "/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert", "/opt/homebrew/bin/rsvg-convert",
    ]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The `(x, y, length)` horizontal runs in path data made of `M x y h n v1 h-n z` rectangles.
    private func runs(inPath path: String) throws -> [(x: Int, y: Int, length: Int)] {
        try path.split(separator: "M").map { rectangle in
            let parts = rectangle.split(whereSeparator: { " hvz".contains($0) })
            try #require(parts.count == 5, "unexpected rectangle \(rectangle)")
            let numbers = try parts.map { try #require(Int($0)) }
            try #require(numbers[3] == 1 && numbers[4] == -numbers[2], "rectangle \(rectangle) is not a closed run")
            return (numbers[0], numbers[1], numbers[2])
        }
    }

    private func pathData(in svg: String) throws -> String {
        let start = try #require(svg.range(of: " d=\""))
        let end = try #require(svg[start.upperBound...].firstIndex(of: "\""))
        return String(svg[start.upperBound..<end])
    }

    @Test("document has size, viewBox, crisp edges, a white background and a single path")
    func structure() throws {
        // given
        let code = try QRCode.encode("HELLO WORLD")

        // when
        let svg = code.svg()

        // then
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains("width=\"232\" height=\"232\""))
        #expect(svg.contains("viewBox=\"0 0 29 29\""))
        #expect(svg.contains("shape-rendering=\"crispEdges\""))
        #expect(svg.contains("<rect width=\"29\" height=\"29\" fill=\"#ffffff\"/>"))
        #expect(svg.components(separatedBy: "<path").count == 2)
        #expect(!svg.contains("<title>"))
        #expect(svg.hasSuffix("</svg>\n"))
        #expect(try pathData(in: svg).hasPrefix("M4 4h7v1h-7z"))
    }

    @Test("path runs cover exactly the dark modules, merged per row")
    func pathMatchesModules() throws {
        // given
        let code = try QRCode.encode("https://acme.concierge.example/qr/AST-000123", correction: .high)
        let border = 2

        // when
        let runs = try runs(inPath: pathData(in: code.svg(moduleSize: 3, border: border)))

        // then
        var covered = Set<Int>()
        for run in runs {
            #expect(code[run.x - border - 1, run.y - border] == false, "run at \(run.x),\(run.y) is not maximal")
            #expect(code[run.x - border + run.length, run.y - border] == false)
            for x in run.x..<(run.x + run.length) {
                let (moduleX, moduleY) = (x - border, run.y - border)
                #expect(code[moduleX, moduleY])
                covered.insert(moduleY * code.size + moduleX)
            }
        }
        let darkCount = (0..<code.size * code.size).filter { code[$0 % code.size, $0 / code.size] }.count
        #expect(covered.count == darkCount)
    }

    @Test("title is escaped")
    func titleEscaping() throws {
        // given
        let code = try QRCode.encode("AST-000123")

        // when
        let svg = code.svg(title: "Tom & \"Jerry\" <'AST'>")

        // then
        #expect(svg.contains("<title>Tom &amp; &quot;Jerry&quot; &lt;&apos;AST&apos;&gt;</title>"))
    }

    @Test("module size and border are clamped to 1…32 and 0…16")
    func clamping() throws {
        // given
        let code = try QRCode.encode("HELLO WORLD")

        // when
        let small = code.svg(moduleSize: 0, border: -1)
        let large = code.svg(moduleSize: 99, border: 99)

        // then
        #expect(small.contains("width=\"21\" height=\"21\" viewBox=\"0 0 21 21\""))
        #expect(large.contains("width=\"1696\" height=\"1696\" viewBox=\"0 0 53 53\""))
    }

    @Test("an SVG rendered by rsvg-convert decodes with zbarimg", .enabled(if: rsvgConvertPath != nil))
    func rsvgRenderingDecodes() throws {
        // given
        let input = "https://acme.concierge.example/qr/AST-000123?sig=0f3a"
        let code = try QRCode.encode(input)
        let directory = FileManager.default.temporaryDirectory
        let svgFile = directory.appendingPathComponent("qr-\(UUID().uuidString).svg")
        let pngFile = directory.appendingPathComponent("qr-\(UUID().uuidString).png")
        defer {
            try? FileManager.default.removeItem(at: svgFile)
            try? FileManager.default.removeItem(at: pngFile)
        }
        try code.svg(moduleSize: 4, title: "Asset AST-000123").write(to: svgFile, atomically: true, encoding: .utf8)
        let rsvgConvert = try #require(Self.rsvgConvertPath)
        _ = try ZBarReader.run(rsvgConvert, arguments: ["--output", pngFile.path, svgFile.path])

        // when
        let decoded = try ZBarReader.decode(png: [UInt8](Data(contentsOf: pngFile)))

        // then
        #expect(decoded == Array(input.utf8))
    }
}
