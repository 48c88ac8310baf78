import Foundation
import Logging
import Metrics

/// The scheduler: campaigns for leadership and, while leader, runs every ``PeriodicTask`` on
/// its interval. Standbys wait in the campaign and take over when the leader's connection
/// dies.
public struct SchedulerLoop: Sendable {
    /// The leadership name every scheduler process campaigns for.
    public static let leadershipName = "concierge-scheduler"

    let election: any LeaderElection
    let tasks: [any PeriodicTask]
    let holder: String
    let logger: Logger

    public init(election: any LeaderElection, tasks: [any PeriodicTask], holder: String, logger: Logger) {
        self.election = election
        self.tasks = tasks
        self.holder = holder
        self.logger = logger
    }

    /// Runs until cancelled.
    public func run() async {
        while !Task.isCancelled {
            do {
                try await election.lead(Self.leadershipName, holder: holder) {
                    logger.notice("became scheduler leader", metadata: ["holder": "\(holder)"])
                    await runTasks()
                }
            } catch is CancellationError {
                break
            } catch {
                if Task.isCancelled { break }
                logger.warning("scheduler leadership lost or unavailable", metadata: ["error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    private func runTasks() async {
        await withTaskGroup(of: Void.self) { group in
            for task in tasks {
                group.addTask {
                    while !Task.isCancelled {
                        let started = ContinuousClock.now
                        do {
                            try await task.runOnce()
                        } catch {
                            if Task.isCancelled { return }
                            logger.warning(
                                "periodic task failed", metadata: ["task": "\(task.name)", "error": "\(error)"])
                            Counter(label: "concierge_scheduler_task_failures_total", dimensions: [("task", task.name)])
                                .increment()
                        }
                        let elapsed = ContinuousClock.now - started
                        Metrics.Timer(
                            label: "concierge_scheduler_task_duration_seconds", dimensions: [("task", task.name)]
                        )
                        .recordNanoseconds(elapsed.nanoseconds)
                        try? await Task.sleep(for: task.interval)
                    }
                }
            }
        }
    }
}
