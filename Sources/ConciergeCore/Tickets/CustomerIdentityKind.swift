/// Which kind of identifier recognises a customer.
public enum CustomerIdentityKind: String, Sendable {
    case email, phone
}
