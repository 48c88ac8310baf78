import Logging
import NIOConcurrencyHelpers
import NIOPosix

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A bounded set of ``RedisConnection``s plus the threads that run their blocking calls.
///
/// hiredis blocks, so every call runs on a `NIOThreadPool` this pool owns — one thread per
/// connection — never on the cooperative executor (two threads on a small host: one blocked
/// call would stall half the runtime) nor on `NIOThreadPool.singleton` (Hummingbird's file I/O).
/// Connections are opened lazily, reused LIFO, and dropped (not returned) once broken. When
/// all are busy, callers queue in FIFO order until one is returned or ``checkoutTimeout``
/// passes. Call ``shutdown()`` before releasing the last reference.
public final class RedisConnectionPool: Sendable {
    /// Where connections go.
    public let configuration: RedisConfiguration
    /// The most connections (and threads) this pool uses at once.
    public let size: Int
    /// How long a caller waits for a busy pool before failing with ``RedisError/poolTimeout``.
    public let checkoutTimeout: Duration

    private let threads: NIOThreadPool
    private let state = NIOLockedValueBox(PoolState())
    private let logger: Logger

    /// Starts the threads; connections are opened on first use.
    /// - Parameters:
    ///   - size: connections and threads; size it for the number of concurrent Redis users
    ///     (workers plus request handlers), since each blocking call holds one thread.
    ///   - checkoutTimeout: the longest a caller queues for a free connection.
    public init(
        configuration: RedisConfiguration, size: Int = 4, checkoutTimeout: Duration = .seconds(5),
        logger: Logger = Logger(label: "concierge.redis")
    ) {
        precondition(size > 0, "a Redis pool needs at least one connection")
        self.configuration = configuration
        self.size = size
        self.checkoutTimeout = checkoutTimeout
        self.logger = logger
        self.threads = NIOThreadPool(numberOfThreads: size)
        self.threads.start()
    }

    /// Runs `body` with a connection of its own, on one of the pool's threads.
    ///
    /// `body` may send several commands; nobody else uses the connection meanwhile. If a
    /// command breaks the connection, it is closed after `body` returns and the next caller
    /// gets a new one.
    /// - Throws: whatever `body` throws, ``RedisError/connectionFailed(_:)`` when no
    ///   connection can be opened, ``RedisError/poolTimeout``, ``RedisError/poolShutDown``,
    ///   or `CancellationError` when the task is cancelled before `body` starts.
    public func withConnection<T: Sendable>(_ body: @Sendable (RedisConnection) throws -> T) async throws -> T {
        let grant = try await checkOut()
        return try await withoutActuallyEscaping(body) { body in
            // The thread pool may still hold its work item when this task resumes, so the item
            // must reach `body` through a box it empties first: withoutActuallyEscaping traps
            // if any reference to `body` outlives it. An unemptied box also proves `body`
            // never started.
            let pending = NIOLockedValueBox<(@Sendable (RedisConnection) throws -> T)?>(body)
            do {
                return try await threads.runIfActive { [self] in
                    guard let body = Self.take(pending) else {
                        throw CancellationError()
                    }
                    Self.ignoreBrokenPipeOnThisThread()
                    let connection = try open(grant)
                    defer { checkIn(connection) }
                    return try body(connection)
                }
            } catch {
                // The thread pool refuses work once cancelled or shut down; the grant is still ours.
                guard Self.take(pending) != nil else { throw error }
                release(grant)
                if state.withLockedValue({ $0.isShutDown }) { throw RedisError.poolShutDown }
                throw error
            }
        }
    }

    /// Fails queued callers, closes idle connections and stops the threads once running calls end.
    public func shutdown() async {
        let waiters = state.withLockedValue { state in
            state.isShutDown = true
            state.open -= state.idle.count
            // Dropping them closes their sockets; close(2) does not block, so the lock is fine.
            state.idle.removeAll()
            defer { state.waiters.removeAll() }
            return state.waiters
        }
        for waiter in waiters {
            waiter.timer?.cancel()
            waiter.continuation.resume(throwing: RedisError.poolShutDown)
        }
        do {
            try await threads.shutdownGracefully()
        } catch {
            logger.warning("redis thread pool did not shut down cleanly", metadata: ["error": "\(error)"])
        }
    }

    // MARK: - Checkout

    private func checkOut() async throws -> PoolGrant {
        let id = state.withLockedValue { state in
            state.nextWaiterID += 1
            return state.nextWaiterID
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<PoolGrant, any Error>) in
                let immediate: Result<PoolGrant, any Error>? = state.withLockedValue { state in
                    if state.isShutDown { return .failure(RedisError.poolShutDown) }
                    // Checked under the lock so a cancellation handler that ran before can't be missed.
                    if Task.isCancelled { return .failure(CancellationError()) }
                    if let connection = state.idle.popLast() { return .success(.connection(connection)) }
                    if state.open < size {
                        state.open += 1
                        return .success(.slot)
                    }
                    state.waiters.append(PoolWaiter(id: id, continuation: continuation))
                    return nil
                }
                if let immediate {
                    continuation.resume(with: immediate)
                    return
                }
                let timeout = checkoutTimeout
                let timer = Task { [weak self] in
                    try? await Task.sleep(for: timeout)
                    guard !Task.isCancelled else { return }
                    self?.failWaiter(id, with: RedisError.poolTimeout)
                }
                let stillWaiting = state.withLockedValue { state in
                    guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return false }
                    state.waiters[index].timer = timer
                    return true
                }
                if !stillWaiting { timer.cancel() }
            }
        } onCancel: {
            failWaiter(id, with: CancellationError())
        }
    }

    private func failWaiter(_ id: Int, with error: any Error) {
        let waiter = state.withLockedValue { state -> PoolWaiter? in
            guard let index = state.waiters.firstIndex(where: { $0.id == id }) else { return nil }
            return state.waiters.remove(at: index)
        }
        guard let waiter else { return }
        waiter.timer?.cancel()
        waiter.continuation.resume(throwing: error)
    }

    // MARK: - On the pool's threads

    /// Turns a grant into a live connection, replacing an idle one the server has closed.
    private func open(_ grant: PoolGrant) throws -> RedisConnection {
        if case .connection(let connection) = grant {
            if connection.isUsableWhileIdle() { return connection }
            logger.debug("dropping a Redis connection closed while idle")
        }
        do {
            return try RedisConnection(configuration: configuration)
        } catch {
            release(.slot)
            logger.warning("cannot open a Redis connection", metadata: ["error": "\(error)"])
            throw error
        }
    }

    private func checkIn(_ connection: RedisConnection) {
        if connection.isBroken {
            logger.debug("dropping a broken Redis connection")
            release(.slot)
        } else {
            release(.connection(connection))
        }
    }

    /// Gives a connection or its slot to the first waiter, or back to the pool.
    private func release(_ grant: PoolGrant) {
        let handOff = state.withLockedValue { state -> (PoolWaiter, PoolGrant)? in
            if state.isShutDown {
                state.open -= 1
                return nil
            }
            if !state.waiters.isEmpty { return (state.waiters.removeFirst(), grant) }
            switch grant {
            case .connection(let connection): state.idle.append(connection)
            case .slot: state.open -= 1
            }
            return nil
        }
        guard let (waiter, grant) = handOff else { return }
        waiter.timer?.cancel()
        waiter.continuation.resume(returning: grant)
    }

    /// Empties `box`, so whoever takes the value first (the pool thread or the error path) owns it.
    private static func take<Value>(_ box: NIOLockedValueBox<Value?>) -> Value? {
        box.withLockedValue { value in
            defer { value = nil }
            return value
        }
    }

    /// hiredis writes with write(2); a peer that reset the socket would raise SIGPIPE and kill
    /// the process. Blocking it on the pool's own threads turns that into an EPIPE error
    /// without changing the process-wide disposition other code relies on.
    private static func ignoreBrokenPipeOnThisThread() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        pthread_sigmask(SIG_BLOCK, &signals, nil)
    }
}

/// The right to use one connection: an open one, or a free slot to open one in.
private enum PoolGrant: Sendable {
    case connection(RedisConnection)
    case slot
}

private struct PoolWaiter: Sendable {
    var id: Int
    var continuation: CheckedContinuation<PoolGrant, any Error>
    var timer: Task<Void, Never>?
}

private struct PoolState: Sendable {
    var idle: [RedisConnection] = []
    /// Connections that exist or are being opened, idle or checked out.
    var open = 0
    var waiters: [PoolWaiter] = []
    var nextWaiterID = 0
    var isShutDown = false
}
