import ConciergeRuntime

// Time-driven work under one elected leader; extra replicas stand by and take over.
try await ServiceEntryPoints.run([.scheduler])
