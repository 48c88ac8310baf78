import ConciergeDomain
import Testing

@Suite("TicketLifecycle")
struct TicketLifecycleTests {
    /// Every (from, to) pair of statuses, written out by hand: staying put is always allowed;
    /// closed is final; nothing returns to new; only solved may close; everything else moves
    /// freely.
    static let transitions: [(TicketStatus, TicketStatus, Bool)] = [
        (.new, .new, true), (.new, .open, true), (.new, .pending, true),
        (.new, .onHold, true), (.new, .solved, true), (.new, .closed, false),

        (.open, .new, false), (.open, .open, true), (.open, .pending, true),
        (.open, .onHold, true), (.open, .solved, true), (.open, .closed, false),

        (.pending, .new, false), (.pending, .open, true), (.pending, .pending, true),
        (.pending, .onHold, true), (.pending, .solved, true), (.pending, .closed, false),

        (.onHold, .new, false), (.onHold, .open, true), (.onHold, .pending, true),
        (.onHold, .onHold, true), (.onHold, .solved, true), (.onHold, .closed, false),

        (.solved, .new, false), (.solved, .open, true), (.solved, .pending, true),
        (.solved, .onHold, true), (.solved, .solved, true), (.solved, .closed, true),

        (.closed, .new, false), (.closed, .open, false), (.closed, .pending, false),
        (.closed, .onHold, false), (.closed, .solved, false), (.closed, .closed, true),
    ]

    @Test func transitionTableCoversEveryPairOfStatusesExactlyOnce() {
        let pairs = Self.transitions.map { "\($0.0.rawValue)->\($0.1.rawValue)" }
        let all = TicketStatus.allCases.flatMap { from in
            TicketStatus.allCases.map { "\(from.rawValue)->\($0.rawValue)" }
        }
        #expect(pairs.count == 36)
        #expect(Set(pairs) == Set(all))
        #expect(Set(pairs).count == pairs.count)
    }

    @Test(arguments: transitions)
    func allowsMatchesTheTransitionTable(_ from: TicketStatus, _ to: TicketStatus, _ allowed: Bool) {
        #expect(TicketLifecycle.allows(from: from, to: to) == allowed)
    }

    @Test(arguments: transitions)
    func validateThrowsExactlyForRefusedTransitionsNamingBothStatuses(
        _ from: TicketStatus, _ to: TicketStatus, _ allowed: Bool
    ) {
        // when
        let error = validationError { try TicketLifecycle.validate(from: from, to: to) }
        // then
        if allowed {
            #expect(error == nil)
        } else {
            let message =
                from == .closed
                ? "a closed ticket cannot change; create a follow-up instead"
                : "cannot change from \(from.rawValue) to \(to.rawValue)"
            #expect(error == ValidationError(field: "status", code: "invalid_transition", message: message))
        }
    }

    @Test(arguments: [
        (TicketStatus.open, TicketStatus.closed, "cannot change from open to closed"),
        (.onHold, .new, "cannot change from on_hold to new"),
        (.solved, .new, "cannot change from solved to new"),
        (.new, .closed, "cannot change from new to closed"),
        (.closed, .open, "a closed ticket cannot change; create a follow-up instead"),
        (.closed, .new, "a closed ticket cannot change; create a follow-up instead"),
    ])
    func validateMessageUsesTheWireNamesOfTheStatuses(_ from: TicketStatus, _ to: TicketStatus, _ message: String) {
        let error = validationError { try TicketLifecycle.validate(from: from, to: to) }
        #expect(error?.message == message)
        #expect(error?.field == "status")
        #expect(error?.code == "invalid_transition")
    }

    /// Every status × who wrote the public comment.
    static let afterPublicComment: [(TicketStatus, Bool, TicketStatus)] = [
        (.new, true, .new), (.new, false, .open),
        (.open, true, .open), (.open, false, .open),
        (.pending, true, .open), (.pending, false, .pending),
        (.onHold, true, .onHold), (.onHold, false, .onHold),
        (.solved, true, .open), (.solved, false, .solved),
        (.closed, true, .closed), (.closed, false, .closed),
    ]

    @Test func publicCommentTableCoversEveryStatusAndAuthorKind() {
        let keys = Set(Self.afterPublicComment.map { "\($0.0.rawValue)/\($0.1)" })
        #expect(keys.count == TicketStatus.allCases.count * 2)
        #expect(Self.afterPublicComment.count == 12)
    }

    @Test(arguments: afterPublicComment)
    func statusAfterPublicCommentReopensOnRequesterReplyAndOpensNewOnAgentReply(
        _ status: TicketStatus, _ byRequester: Bool, _ expected: TicketStatus
    ) {
        #expect(TicketLifecycle.statusAfterPublicComment(status, byRequester: byRequester) == expected)
    }

    @Test(arguments: TicketStatus.allCases, [true, false])
    func statusAfterPublicCommentIsAlwaysAnAllowedTransition(_ status: TicketStatus, _ byRequester: Bool) {
        let after = TicketLifecycle.statusAfterPublicComment(status, byRequester: byRequester)
        #expect(TicketLifecycle.allows(from: status, to: after))
    }

    @Test(arguments: [
        (TicketStatus.new, true), (.open, true), (.pending, true), (.onHold, true), (.solved, false), (.closed, false),
    ])
    func unsolvedMeansNeitherSolvedNorClosed(_ status: TicketStatus, _ unsolved: Bool) {
        #expect(status.isUnsolved == unsolved)
    }
}
