import ConciergeDomain
import Foundation
import Testing

@Suite("Actor")
struct ActorTests {
    static let uuidText = "3f2504e0-4f89-11d3-9a0c-0305e82c3301"

    static let actors: [Actor] = [
        .user(UserID(UUID(uuidString: uuidText)!)),
        .apiToken(APITokenID(UUID(uuidString: uuidText)!)),
        .user(UserID()),
        .apiToken(APITokenID()),
        .system("scheduler"),
        .system("cli"),
        .system("rule:escalate-vip"),
        .system("系统"),
    ]

    @Test(arguments: actors)
    func actorRoundTripsThroughDescription(_ actor: Actor) {
        #expect(Actor(actor.description) == actor)
    }

    @Test(arguments: actors)
    func actorRoundTripsThroughJSON(_ actor: Actor) throws {
        // when
        let data = try JSONEncoder().encode(actor)
        // then
        #expect(String(decoding: data, as: UTF8.self) == "\"\(actor.description)\"")
        #expect(try JSONDecoder().decode(Actor.self, from: data) == actor)
    }

    @Test(arguments: [
        (Actor.user(UserID(UUID(uuidString: uuidText)!)), "user:\(uuidText)"),
        (.apiToken(APITokenID(UUID(uuidString: uuidText)!)), "token:\(uuidText)"),
        (.system("scheduler"), "system:scheduler"),
    ])
    func actorDescribesItselfAsKindColonValue(_ actor: Actor, _ text: String) {
        #expect(actor.description == text)
    }

    @Test func actorParsesUppercaseUUIDs() {
        #expect(Actor("user:\(Self.uuidText.uppercased())") == .user(UserID(Self.uuidText)!))
    }

    @Test(arguments: [
        "", "user", "user:", "user:not-a-uuid", "token:123", "group:\(uuidText)", "USER:\(uuidText)", ":\(uuidText)",
        "system", "\(uuidText)",
    ])
    func actorRejectsMalformedText(_ text: String) {
        #expect(Actor(text) == nil)
    }

    @Test func actorDecodingRefusesMalformedText() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(Actor.self, from: Data(#""robot:x""#.utf8))
        }
    }

    @Test func actorWithEmptySystemNameRoundTrips() {
        // `.system("")` describes itself as "system:"; an event recorded with it must decode again.
        do {
            #expect(Actor(Actor.system("").description) == .system(""))
        }
    }
}
