/// A problem in a tenant configuration folder, located so that its author can fix it:
/// `Tenants/acme/users.yaml:7: users[2].role: must be one of owner, admin, …`.
public struct TenantConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// Dotted path of the field (`users[2].role`).
    public var field: String
    public var message: String

    public init(file: String, line: Int?, field: String, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(file):\($0)" } ?? file
        return field.isEmpty ? "\(location): \(message)" : "\(location): \(field): \(message)"
    }
}
