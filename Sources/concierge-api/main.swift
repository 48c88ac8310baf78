import ConciergeRuntime

// HTTP: REST API, OpenAPI document, health and metrics. Stateless; run any number of replicas.
try await ServiceEntryPoints.run([.api])
