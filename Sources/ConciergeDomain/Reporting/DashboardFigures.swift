import Foundation

/// A supervisor's first dashboard: the backlog now, today's intake and first-reply SLA, this
/// month's satisfaction, the last 30 days by channel and the last 14 days created vs solved.
public struct DashboardFigures: Sendable, Equatable {
    /// Days in the created-vs-solved chart.
    public static let trendDays = 14
    /// Days behind the by-channel chart.
    public static let channelDays = 30

    /// One day of the created-vs-solved chart.
    public struct Day: Sendable, Equatable {
        public var day: ReportingDay
        public var created: Int
        public var solved: Int

        public init(day: ReportingDay, created: Int, solved: Int) {
            self.day = day
            self.created = created
            self.solved = solved
        }
    }

    /// When the figures were counted.
    public var computedAt: Date
    /// Unsolved tickets by status (new, open, pending, on hold).
    public var backlog: [TicketStatus: Int]
    /// First-reply targets decided today: met, or breached.
    public var firstReplyToday: SLAOutcomeTally
    /// CSAT ratings answered this month.
    public var satisfactionThisMonth: SatisfactionTally
    /// Tickets created in the last ``channelDays`` days per channel, largest first.
    public var channels: [ChannelVolume]
    /// The last ``trendDays`` days, oldest first, ending today.
    public var days: [Day]

    public init(
        computedAt: Date, backlog: [TicketStatus: Int], firstReplyToday: SLAOutcomeTally,
        satisfactionThisMonth: SatisfactionTally, channels: [ChannelVolume], days: [Day]
    ) {
        self.computedAt = computedAt
        self.backlog = backlog
        self.firstReplyToday = firstReplyToday
        self.satisfactionThisMonth = satisfactionThisMonth
        self.channels = channels
        self.days = days
    }

    /// Every unsolved ticket.
    public var openBacklog: Int { backlog.values.reduce(0, +) }
    /// Tickets created since midnight.
    public var createdToday: Int { days.last?.created ?? 0 }
}

/// How many SLA targets were met and how many missed.
public struct SLAOutcomeTally: Sendable, Equatable {
    public var met: Int
    public var missed: Int

    public init(met: Int, missed: Int) {
        self.met = met
        self.missed = missed
    }

    /// Targets decided.
    public var decided: Int { met + missed }
    /// The share met, 0–100 rounded down so that 99.6 % never shows as 100 %; `nil` when
    /// nothing was decided.
    public var metPercent: Int? { decided == 0 ? nil : met * 100 / decided }
}

/// CSAT ratings (1–5) counted by value.
public struct SatisfactionTally: Sendable, Equatable {
    /// How many answers gave each rating; ratings outside 1–5 are ignored.
    public private(set) var counts: [Int: Int]

    public init(counts: [Int: Int]) {
        self.counts = counts.filter { (1...5).contains($0.key) && $0.value > 0 }
    }

    /// Answers counted.
    public var answered: Int { counts.values.reduce(0, +) }
    /// Answers of 4 or 5 ("satisfied"), the usual CSAT measure.
    public var satisfied: Int { (counts[4] ?? 0) + (counts[5] ?? 0) }
    /// The satisfied share, 0–100 rounded down; `nil` without answers.
    public var satisfiedPercent: Int? { answered == 0 ? nil : satisfied * 100 / answered }
    /// The mean rating, `nil` without answers.
    public var average: Double? {
        answered == 0 ? nil : Double(counts.reduce(0) { $0 + $1.key * $1.value }) / Double(answered)
    }
}

/// Tickets that came in through one channel.
public struct ChannelVolume: Sendable, Equatable {
    public var channel: String
    public var count: Int

    public init(channel: String, count: Int) {
        self.channel = channel
        self.count = count
    }

    /// Channels largest first, ties by name, without empty ones.
    public static func ranked(_ counts: [String: Int]) -> [ChannelVolume] {
        counts.filter { $0.value > 0 }.map { ChannelVolume(channel: $0.key, count: $0.value) }
            .sorted { ($1.count, $0.channel) < ($0.count, $1.channel) }
    }
}
