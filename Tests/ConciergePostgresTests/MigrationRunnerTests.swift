import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Logging
import PostgresNIO
import Testing

@Suite struct MigrationRunnerTests {
    @Test func rerunningMigrationsAppliesNothingAndKeepsGrants() async throws {
        // given a migrated database
        let configuration = try await TestEnvironment.shared.freshConfiguration()
        let logger = Logger(label: "test")
        // when migrate runs again, twice, concurrently
        async let first = CommandSupport.migrate(configuration, logger: logger)
        async let second = CommandSupport.migrate(configuration, logger: logger)
        let applied = try await [first, second]
        // then nothing new is applied
        #expect(applied == [[], []])
    }

    @Test func editedMigrationIsRefused() async throws {
        let configuration = try await TestEnvironment.shared.freshConfiguration()
        let logger = Logger(label: "test")
        var migrations = try MigrationRunner.bundled()
        migrations[0].checksum = "0000"
        let client = PostgresClient(
            configuration: try DatabaseURL(configuration.migrationDatabaseURL).clientConfiguration(),
            backgroundLogger: logger)
        await #expect(throws: MigrationError.self) {
            try await CommandSupport.withRunning(client) {
                try await MigrationRunner(client: client, appRole: configuration.databaseAppRole, logger: logger)
                    .migrate(migrations)
            }
        }
    }

    @Test(arguments: [
        ("SELECT 1; SELECT 2;", 2),
        ("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$; SELECT f();", 2),
        ("-- only a comment;\nSELECT ';' AS semi; /* a ; b */ SELECT 'it''s';", 2),
        ("DO $body$ BEGIN PERFORM 1; END $body$;", 1),
        ("SELECT \"odd;name\" FROM t", 1),
        ("", 0),
    ])
    func sqlScriptSplitsOnlyOnTopLevelSemicolons(script: String, count: Int) {
        #expect(SQLScript.statements(script).count == count)
    }
}
