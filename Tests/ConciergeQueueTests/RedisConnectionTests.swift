import ConciergeQueue
import Testing

@Suite("RedisConnection")
struct RedisConnectionTests {
    @Test func urlWithPasswordAndDatabaseIsParsed() throws {
        // given
        let url = "redis://:s%40cret@cache.internal:6390/3"

        // when
        let configuration = try RedisConfiguration(url: url)

        // then
        #expect(configuration.host == "cache.internal")
        #expect(configuration.port == 6390)
        #expect(configuration.username == nil)
        #expect(configuration.password == "s@cret")
        #expect(configuration.database == 3)
    }

    @Test(arguments: ["http://localhost:6379", "redis://", "redis://localhost/x", "redis://localhost/-1"])
    func malformedURLIsRejected(url: String) {
        #expect(throws: RedisError.invalidURL(url)) { try RedisConfiguration(url: url) }
    }

    @Test func rejectedURLDoesNotLeakThePassword() {
        #expect(throws: RedisError.invalidURL("redis://***@cache:6379/db")) {
            try RedisConfiguration(url: "redis://admin:hunter2@cache:6379/db")
        }
    }

    @Test func argumentsAndRepliesAreBinarySafe() async throws {
        try await RedisFixture.run { redis in
            // given
            let key = "\(redis.prefix):binary"
            let value = "a\u{0}b 你好\r\n$3"

            // when
            let reply = try await redis.pool.withConnection { connection in
                try connection.command(["SET", key, value]).checked()
                return try connection.command(["GET", key]).checked()
            }

            // then
            #expect(reply == .bulk(Array(value.utf8)))
        }
    }

    @Test func errorReplyLeavesConnectionUsable() async throws {
        try await RedisFixture.run { redis in
            // when
            let (error, afterwards, broken) = try await redis.pool.withConnection { connection in
                let error = try connection.command(["NOSUCHCOMMAND"])
                return (error, try connection.command(["PING"]), connection.isBroken)
            }

            // then
            guard case .error(let message) = error else {
                Issue.record("expected an error reply, got \(error)")
                return
            }
            #expect(message.hasPrefix("ERR"))
            #expect(afterwards == .status("PONG"))
            #expect(!broken)
        }
    }

    @Test func commandOnKilledConnectionThrowsAndMarksItBroken() async throws {
        try await RedisFixture.run { redis in
            // given
            let configuration = redis.configuration

            // when
            let (failure, broken) = try await redis.pool.withConnection { connection -> (RedisError?, Bool) in
                let id = try connection.command(["CLIENT", "ID"]).checked().integer ?? -1
                let killer = try RedisConnection(configuration: configuration)
                try killer.command(["CLIENT", "KILL", "ID", String(id)]).checked()
                do {
                    _ = try connection.command(["PING"])
                    return (nil, connection.isBroken)
                } catch {
                    return (error as? RedisError, connection.isBroken)
                }
            }

            // then
            guard case .connectionBroken? = failure else {
                Issue.record("expected a broken connection, got \(String(describing: failure))")
                return
            }
            #expect(broken)
        }
    }

    @Test func unreachableServerFailsToConnect() {
        // given
        let configuration = RedisConfiguration(host: "127.0.0.1", port: 1, connectTimeout: .milliseconds(500))

        // then
        #expect {
            try RedisConnection(configuration: configuration)
        } throws: { error in
            if case RedisError.connectionFailed = error { return true }
            return false
        }
    }
}
