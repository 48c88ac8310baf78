import ConciergeCore
import ConciergeDomain
import Foundation
import Hummingbird
import ServiceLifecycle

/// `GET /agent/tickets/{number}/live?version=N`: a server-sent event stream that says when the
/// ticket changes after version N (`event: ticket`, `data: {"version": M}`), with a comment
/// line every 15 s to keep proxies from closing it. The page then refreshes its conversation
/// and history in place. A graceful shutdown ends the stream; the browser reconnects.
struct AgentTicketLiveRoutes {
    let services: HTTPServices
    let hub: TicketWatchHub

    /// How often an idle stream sends a keep-alive comment.
    static let keepAlive: Duration = .seconds(15)

    func register(on group: RouterGroup<TenantContext>) {
        group.get("tickets/:ticket/live", requires: .ticketsRead) { request, context in
            let tenant = context.identity.tenantID
            let ticket = try await services.tickets.get(try context.ticket(), tenant: tenant)
            let shown = request.uri.queryParameters.get("version").flatMap(Int.init) ?? ticket.version
            let versions = await hub.watch(ticket.id, tenant: tenant, from: shown)
            let (events, sink) = AsyncStream<String>.makeStream()
            let pump = Task {
                await withTaskGroup(of: Void.self) { group in
                    group.addTask {
                        for await version in versions {
                            sink.yield("event: ticket\ndata: {\"version\":\(version)}\n\n")
                        }
                    }
                    group.addTask {
                        while (try? await Task.sleep(for: Self.keepAlive)) != nil { sink.yield(": keep-alive\n\n") }
                    }
                    await group.next()
                    group.cancelAll()
                }
                sink.finish()
            }
            let body = ResponseBody { writer in
                defer { pump.cancel() }
                try await writer.write(ByteBuffer(string: "retry: 2000\n\n"))
                // A stream never ends on its own: the server's graceful shutdown ends it (the
                // browser reconnects to another replica after `retry`).
                try await withGracefulShutdownHandler {
                    for await text in events { try await writer.write(ByteBuffer(string: text)) }
                } onGracefulShutdown: {
                    pump.cancel()
                }
                try await writer.finish(nil)
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store",
                    .init("X-Accel-Buffering")!: "no",
                ],
                body: body)
        }
    }
}
