import NIOCore
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Resolves host names with the system resolver (`getaddrinfo`, so `/etc/hosts` and the
/// configured DNS apply), returning every address for ``OutboundAddressPolicy`` to check.
///
/// `getaddrinfo` blocks, for seconds when DNS is slow, so it runs on a thread pool of its own:
/// never on an event loop, nor on the cooperative pool (two threads on our machines), nor on
/// `NIOThreadPool.singleton`, where Hummingbird does its file I/O.
struct OutboundAddressResolver: Sendable {
    let threadPool: NIOThreadPool

    /// The process-wide pool for lookups; lives as long as the process, like NIO's singletons.
    static let sharedThreadPool: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    init(threadPool: NIOThreadPool = Self.sharedThreadPool) {
        self.threadPool = threadPool
    }

    /// All addresses of `host`, in the resolver's order of preference, without duplicates.
    ///
    /// Cancelling the task abandons the lookup at once; the blocked thread finishes it alone.
    /// - Throws: ``ConnectorHTTPError/nameResolutionFailed(host:)`` when the name does not resolve,
    ///   whatever the cause (no such name, DNS unreachable): both may heal, so both are retryable.
    func resolve(_ host: String, on eventLoop: any EventLoop) async throws(ConnectorHTTPError) -> [IPAddress] {
        let promise = eventLoop.makePromise(of: [IPAddress].self)
        threadPool.runIfActive(eventLoop: eventLoop) { try Self.lookUp(host) }.cascade(to: promise)
        do {
            return try await withTaskCancellationHandler {
                try await promise.futureResult.get()
            } onCancel: {
                // A promise completes once; the lookup's late result is then dropped.
                promise.fail(CancellationError())
            }
        } catch let error as ConnectorHTTPError {
            throw error
        } catch {
            throw ConnectorHTTPError.nameResolutionFailed(host: host)
        }
    }

    /// The blocking lookup itself.
    private static func lookUp(_ host: String) throws(ConnectorHTTPError) -> [IPAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        #if os(Linux)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        hints.ai_protocol = Int32(IPPROTO_TCP)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, nil, &hints, &list) == 0, let first = list else {
            throw .nameResolutionFailed(host: host)
        }
        defer { freeaddrinfo(first) }
        var addresses: [IPAddress] = []
        var next: UnsafeMutablePointer<addrinfo>? = first
        while let entry = next?.pointee {
            next = entry.ai_next
            guard let address = entry.ai_addr, let parsed = Self.address(of: address, family: entry.ai_family),
                !addresses.contains(parsed)
            else { continue }
            addresses.append(parsed)
        }
        guard !addresses.isEmpty else { throw .nameResolutionFailed(host: host) }
        return addresses
    }

    /// The address bytes of a `sockaddr_in` (at offset 4, after family and port) or a
    /// `sockaddr_in6` (at offset 8, after family, port and flow info): the layout POSIX systems
    /// share. Read by offset rather than through `sin_addr`, whose declaring module differs
    /// between C libraries.
    private static func address(of socketAddress: UnsafeMutablePointer<sockaddr>, family: Int32) -> IPAddress? {
        let base = UnsafeRawPointer(socketAddress)
        switch family {
        case AF_INET: return IPAddress(bytes: UnsafeRawBufferPointer(start: base + 4, count: 4))
        case AF_INET6: return IPAddress(bytes: UnsafeRawBufferPointer(start: base + 8, count: 16))
        default: return nil
        }
    }
}
