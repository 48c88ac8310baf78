import Foundation

/// The dashboard's charts as SVG geometry, drawn on the server: no chart library and no
/// script, so they print, work offline and pass the strict Content-Security-Policy. Colours
/// come from the stylesheet through the classes named here.
enum DashboardCharts {
    /// One slice of a pie of radius ``Pie/radius`` centred on (``Pie/center``, ``Pie/center``).
    struct Slice {
        /// The SVG path; empty when the slice is the whole pie (then ``whole`` is set).
        let path: String
        let whole: Bool
        let cssClass: String
        let label: String
        let count: Int
        let percent: String
    }

    enum Pie {
        static let radius = 90.0
        static let center = 100.0
        /// Distinct colours in the stylesheet (`slice-0` …); later slices reuse them.
        static let palette = 8

        /// Slices for `parts` (label, count) in the given order; parts of zero are left out.
        static func slices(_ parts: [(label: String, count: Int)]) -> [Slice] {
            let parts = parts.filter { $0.count > 0 }
            let total = parts.reduce(0) { $0 + $1.count }
            guard total > 0 else { return [] }
            var start = 0.0
            return parts.enumerated().map { index, part in
                let share = Double(part.count) / Double(total)
                let end = start + share
                defer { start = end }
                let percent = String(format: "%.1f%%", share * 100)
                let cssClass = "slice-\(index % palette)"
                if parts.count == 1 {
                    return Slice(
                        path: "", whole: true, cssClass: cssClass, label: part.label, count: part.count,
                        percent: percent)
                }
                return Slice(
                    path: arc(from: start, to: end), whole: false, cssClass: cssClass, label: part.label,
                    count: part.count, percent: percent)
            }
        }

        /// The wedge between two fractions of a turn, clockwise from twelve o'clock.
        static func arc(from start: Double, to end: Double) -> String {
            let (x0, y0) = point(at: start)
            let (x1, y1) = point(at: end)
            let large = end - start > 0.5 ? 1 : 0
            return "M\(fmt(center)) \(fmt(center)) L\(fmt(x0)) \(fmt(y0)) "
                + "A\(fmt(radius)) \(fmt(radius)) 0 \(large) 1 \(fmt(x1)) \(fmt(y1)) Z"
        }

        static func point(at fraction: Double) -> (Double, Double) {
            let angle = fraction * 2 * Double.pi - Double.pi / 2
            return (center + radius * cos(angle), center + radius * sin(angle))
        }
    }

    /// Two series over the same days, as polylines in a ``Lines/width`` × ``Lines/height`` box.
    struct Lines {
        struct Tick {
            let y: String
            let label: String
        }

        struct DayLabel {
            let x: String
            let label: String
        }

        static let width = 560.0
        static let height = 220.0
        static let left = 40.0
        static let right = 24.0
        static let top = 12.0
        static let bottom = 28.0

        /// The polyline points of each series.
        let series: [String]
        let ticks: [Tick]
        let dayLabels: [DayLabel]

        /// `values[s][d]`: series `s` on day `d`; every series as long as `days`.
        init(values: [[Int]], days: [String]) {
            let maximum = Self.niceCeiling(values.flatMap { $0 }.max() ?? 0)
            let plotWidth = Self.width - Self.left - Self.right
            let plotHeight = Self.height - Self.top - Self.bottom
            let step = days.count > 1 ? plotWidth / Double(days.count - 1) : 0
            func x(_ index: Int) -> Double { Self.left + step * Double(index) }
            func y(_ value: Int) -> Double { Self.top + plotHeight * (1 - Double(value) / Double(maximum)) }
            series = values.map { line in
                line.enumerated().map { "\(fmt(x($0.offset))),\(fmt(y($0.element)))" }.joined(separator: " ")
            }
            ticks = [0, maximum / 2, maximum].map { Tick(y: fmt(y($0)), label: String($0)) }
            let every = max(1, Int((Double(days.count) / 7).rounded(.up)))
            dayLabels = days.enumerated().filter { ($0.offset - (days.count - 1)) % every == 0 }
                .map { DayLabel(x: fmt(x($0.offset)), label: $0.element) }
        }

        /// The smallest of 1, 2, 5 × 10ⁿ at or above `value` (at least 2, so the middle tick is whole).
        static func niceCeiling(_ value: Int) -> Int {
            guard value > 2 else { return 2 }
            var magnitude = 1
            while magnitude * 10 <= value { magnitude *= 10 }
            for factor in [1, 2, 5, 10] where factor * magnitude >= value {
                return factor * magnitude
            }
            return 10 * magnitude
        }
    }

    static func fmt(_ value: Double) -> String { String(format: "%.1f", value) }
}
