import ConciergeCore
import ConciergeDomain
import ConciergePostgres
import ConciergeRuntime
import ConciergeTestSupport
import Foundation
import Logging
import PostgresNIO
import Testing

/// The customer directory against the real database, as the application role.
@Suite struct CustomerDirectoryTests {
    static let actor = Actor.system("test")

    @Test func mergeMovesTicketsCommentsAssetsAndIdentitiesAndRecordsOneEvent() async throws {
        try await withTestPlatform { platform in
            // given a source customer with a ticket, a comment of theirs and an asset
            let tenant = try await platform.makeTenant().tenant.id
            let directory = platform.customers
            let target = try await directory.create(
                .init(name: "王小明", emails: ["wang@example.cn"]), actor: Self.actor, tenant: tenant)
            let source = try await directory.create(
                .init(name: "小明", emails: ["xm@qq.com"], phones: ["13800138000"]), actor: Self.actor, tenant: tenant)
            let ticket = try await platform.tickets.create(
                NewTicket(subject: "报修", description: "无法开机", requester: .customer(source.id)), actor: Self.actor,
                tenant: tenant)
            _ = try await platform.conversation.add(
                .init(body: "还是坏的", isPublic: true), to: .id(ticket.id), author: .customer(source.id),
                actor: Self.actor,
                tenant: tenant)
            let asset = try await directory.createAsset(
                .init(serialNumber: "SN-1", customerID: source.id), actor: Self.actor, tenant: tenant)
            // when merged
            let merged = try await directory.merge(source.id, into: target.id, actor: Self.actor, tenant: tenant)
            // then everything of the source belongs to the target
            #expect(merged.emails == ["wang@example.cn", "xm@qq.com"] && merged.phones == ["13800138000"])
            #expect(try await platform.tickets.get(.id(ticket.id), tenant: tenant).requesterID == target.id)
            let comments = try await platform.conversation.list(
                .id(ticket.id), includeInternal: true, after: nil, limit: 10, tenant: tenant)
            #expect(comments.map(\.author) == [.customer(target.id)])
            #expect(try await directory.asset(asset.id, tenant: tenant).customerID == target.id)
            let owners = try await platform.store.transaction(tenant) { tx in
                [
                    try await tx.customers.find(identity: .email, value: "xm@qq.com")?.id,
                    try await tx.customers.find(identity: .phone, value: "13800138000")?.id,
                ]
            }
            #expect(owners == [target.id, target.id])
            await #expect(throws: AppError.notFound("customer")) {
                _ = try await directory.get(source.id, tenant: tenant)
            }
            // and exactly one event records it
            let events = try await platform.audit.list(tenant: tenant, before: nil, limit: 50, subjectType: "customer")
            #expect(events.filter { $0.event.type == "customer.merged" }.count == 1)
            #expect(events.first?.event.data["moved_tickets"] == .number(1))
        }
    }

    @Test func namesThatCollideStillPageWithoutSkippingOrRepeating() async throws {
        try await withTestPlatform { platform in
            // given seven customers, five with the same name
            let tenant = try await platform.makeTenant().tenant.id
            var created: Set<CustomerID> = []
            for name in ["张伟", "张伟", "张伟", "张伟", "张伟", "李娜", "Zoe"] {
                created.insert(
                    try await platform.customers.create(.init(name: name), actor: Self.actor, tenant: tenant).id)
            }
            // when paged two at a time
            var seen: [Customer] = []
            var cursor: String?
            repeat {
                let page = try await platform.customers.list(.init(limit: 2, cursor: cursor), tenant: tenant)
                seen += page.items
                cursor = page.nextCursor
            } while cursor != nil
            // then every customer comes exactly once, 李 before 张
            #expect(seen.count == 7 && Set(seen.map(\.id)) == created)
            #expect(seen.firstIndex { $0.name == "李娜" }! < seen.firstIndex { $0.name == "张伟" }!)
        }
    }

    @Test func concurrentOrganizationsClaimingOneDomainLeaveOneOwner() async throws {
        try await withTestPlatform { platform in
            let tenant = try await platform.makeTenant().tenant.id
            // when eight organizations race for the same domain
            let results = await withTaskGroup(of: Bool.self) { group in
                for index in 0..<8 {
                    group.addTask {
                        do {
                            _ = try await platform.customers.createOrganization(
                                .init(name: "Org \(index)", domains: ["race.cn"]), actor: Self.actor, tenant: tenant)
                            return true
                        } catch let error as AppError {
                            return error.category == .conflict ? false : true
                        } catch {
                            return true
                        }
                    }
                }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            // then exactly one wins and the others get a conflict
            #expect(results.filter { $0 }.count == 1)
            let owner = try await platform.store.transaction(tenant) {
                try await $0.customers.organization(forDomain: "race.cn")
            }
            #expect(owner != nil)
        }
    }

    @Test func assetsAreFoundBySerialNumber() async throws {
        try await withTestPlatform { platform in
            let tenant = try await platform.makeTenant().tenant.id
            let asset = try await platform.customers.createAsset(
                .init(
                    serialNumber: "SN-2024-0001", model: "M404", installedOn: "2024-01-15", warrantyEndsOn: "2026-01-14"
                ),
                actor: Self.actor, tenant: tenant)
            let found = try await platform.customers.asset(serialNumber: "  SN-2024-0001 ", tenant: tenant)
            #expect(found.id == asset.id && found.model == "M404" && found.installedOn == "2024-01-15")
            #expect(
                found.isUnderWarranty(
                    on: Date(timeIntervalSince1970: 1_750_000_000), in: TimeZone(identifier: "Asia/Shanghai")!))
            await #expect(throws: AppError.notFound("asset")) {
                _ = try await platform.customers.asset(serialNumber: "SN-2024-0002", tenant: tenant)
            }
        }
    }

    @Test func repositoriesOfTenantAFindNothingOfTenantB() async throws {
        try await withTestPlatform { platform in
            // given B's organization, customer (with identities) and asset
            let a = try await platform.makeTenant().tenant.id
            let b = try await platform.makeTenant().tenant.id
            let organization = try await platform.customers.createOrganization(
                .init(name: "B", domains: ["b.cn"]), actor: Self.actor, tenant: b)
            let customer = try await platform.customers.create(
                .init(name: "B", emails: ["x@b.cn"], phones: ["13900139000"]), actor: Self.actor, tenant: b)
            let asset = try await platform.customers.createAsset(
                .init(serialNumber: "SN-B", customerID: customer.id), actor: Self.actor, tenant: b)
            _ = try await platform.customers.create(.init(name: "A", emails: ["a@a.cn"]), actor: Self.actor, tenant: a)
            // then A's repositories see none of it
            let found = try await platform.store.transaction(a) { tx in
                [
                    try await tx.organizations.find(id: organization.id) != nil,
                    try await !tx.organizations.list(.init()).items.isEmpty,
                    try await tx.customers.organization(forDomain: "b.cn") != nil,
                    try await tx.customers.find(identity: .email, value: "x@b.cn") != nil,
                    try await !tx.customers.list(.init(text: "b")).items.isEmpty,
                    try await tx.assets.find(id: asset.id) != nil,
                    try await tx.assets.find(serialNumber: "SN-B") != nil,
                    try await !tx.assets.related(to: customer.id, organization: organization.id, limit: 10).isEmpty,
                    try await !tx.tickets.statusCounts(requester: customer.id).isEmpty,
                ]
            }
            #expect(found == Array(repeating: false, count: 9))
            // and an unfiltered query in A's transaction returns only A's rows
            let tables = ["organizations", "organization_domains", "customers", "customer_identities", "assets"]
            let seen = try await platform.postgres.withTransaction(logger: platform.logger) { connection in
                try await connection.query(
                    "SELECT set_config('app.tenant_id', \(a.description), true)", logger: platform.logger)
                var tenants: Set<UUID> = []
                for table in tables {
                    let rows = try await connection.query(
                        PostgresQuery(unsafeSQL: "SELECT DISTINCT tenant_id FROM \(table)"), logger: platform.logger)
                    for try await id in rows.decode(UUID.self) { tenants.insert(id) }
                }
                return tenants
            }
            #expect(seen == [a.rawValue])
        }
    }
}
