import ArgumentParser
import ConciergeDomain
import Foundation

/// `concierge bench-rules`: how many rule × ticket evaluations one core makes per second,
/// with a mix of triggers a tenant writes (status, priority, tags, Chinese and English
/// keywords, requester tier). Used by `make bench`; prints one JSON object.
struct BenchRulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-rules", abstract: "Measure trigger evaluation throughput (one core); print JSON.")

    @Option(help: "Triggers per tenant.") var triggers = 50
    @Option(help: "Tickets evaluated.") var tickets = 20_000

    func run() throws {
        let compiled = try (0..<triggers).map { try Self.trigger($0).compiled() }
        let subjects = (0..<tickets).map(Self.subject)
        // Conditions only: the part every trigger pays for every event.
        var matches = 0
        let start = ContinuousClock.now
        for subject in subjects {
            for trigger in compiled where trigger.conditions.matches(subject) { matches += 1 }
        }
        let conditionsTime = (ContinuousClock.now - start).seconds
        // Whole engine runs: ordering, restarts and the actions of the triggers that fire.
        let engine = TriggerEngine(triggers: compiled)
        var fired = 0
        let engineStart = ContinuousClock.now
        for subject in subjects { fired += engine.run(subject).firedRuleKeys.count }
        let engineTime = (ContinuousClock.now - engineStart).seconds
        let evaluations = Double(triggers * tickets)
        let result: [String: Double] = [
            "triggers": Double(triggers), "tickets": Double(tickets),
            "condition_evaluations_per_second": evaluations / conditionsTime,
            "engine_rule_evaluations_per_second": evaluations / engineTime,
            "engine_runs_per_second": Double(tickets) / engineTime,
            "matches_per_ticket": Double(matches) / Double(tickets),
            "fired_per_ticket": Double(fired) / Double(tickets),
        ]
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        print(String(decoding: data, as: UTF8.self))
    }

    static let keywords = ["退货", "发票", "维修", "打印机", "refund", "invoice", "printer", "上门", "卡纸", "warranty"]

    static func trigger(_ index: Int) throws -> Trigger {
        let condition: String
        switch index % 5 {
        case 0: condition = #"{"field":"subject","operator":"contains","value":"\#(keywords[index % keywords.count])"}"#
        case 1: condition = #"{"field":"priority","operator":"greater_than","value":"normal"}"#
        case 2: condition = #"{"field":"tags","operator":"includes","value":["vip","hardware"]}"#
        case 3: condition = #"{"field":"requester.tier","operator":"is","value":"vip"}"#
        default:
            condition =
                #"{"field":"description","operator":"contains_any_words","value":["\#(keywords[(index + 3) % keywords.count])","urgent"]}"#
        }
        let json = #"""
            {"key":"t\#(index)","title":{"zh_cn":"规则\#(index)","en":"Rule \#(index)"},"position":\#(index),
             "events":["ticket_created","ticket_updated"],
             "conditions":{"all":[{"field":"status","operator":"is_not","value":"closed"},\#(condition)]},
             "actions":[{"action":"add_tags","value":["r\#(index % 7)"]}]}
            """#
        return try JSONDecoder().decode(Trigger.self, from: Data(json.utf8))
    }

    static func subject(_ index: Int) -> RuleSubject {
        let now = Date()
        let ticket = Ticket(
            id: TicketID(), tenantID: TenantID(), number: Int64(1000 + index),
            subject: "客户申请\(keywords[index % keywords.count])，设备编号 SN-\(index)",
            description: "The \(keywords[(index * 7) % keywords.count]) problem started after the update; 请尽快处理。",
            status: [.new, .open, .pending][index % 3], priority: TicketPriority.allCases[index % 4],
            type: .incident, channel: .email, requesterID: CustomerID(), tags: index % 4 == 0 ? ["vip"] : ["hardware"],
            createdAt: now, updatedAt: now)
        return RuleSubject(
            ticket: ticket, event: .ticketCreated,
            requester: RequesterFacts(name: "客户\(index)", tier: index % 10 == 0 ? "vip" : "standard"), now: now)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
