/// Thrown by a handler to answer with a redirect (a page that needs a signed-in customer).
struct PortalRedirect: Error {
    let location: String
}
