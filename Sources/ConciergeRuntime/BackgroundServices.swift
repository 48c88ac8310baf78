import ConciergeCore
import ServiceLifecycle

/// Runs the job worker as a lifecycle service; graceful shutdown cancels polling, and jobs
/// interrupted mid-way are handed out again after their visibility timeout.
struct WorkerService: Service {
    let worker: JobWorker

    func run() async throws {
        await cancelWhenGracefulShutdown { await worker.run() }
    }
}

/// Runs the scheduler loop (campaign, then periodic tasks while leader) as a lifecycle service.
struct SchedulerService: Service {
    let loop: SchedulerLoop

    func run() async throws {
        await cancelWhenGracefulShutdown { await loop.run() }
    }
}
