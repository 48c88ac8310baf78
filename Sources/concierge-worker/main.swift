import ConciergeRuntime

// Runs jobs from the Redis queues; any number of replicas (at-least-once, idempotent handlers).
try await ServiceEntryPoints.run([.worker])
