import Hummingbird

/// The session cookie of the web pages: the same one the JSON sign-in sets.
enum WebSessionCookie {
    static func make(secret: String, settings: HTTPSettings) -> Cookie {
        Cookie(
            name: AuthenticationMiddleware.cookieName, value: secret, maxAge: settings.sessionLifetimeSeconds,
            path: "/",
            secure: settings.secureCookies, httpOnly: true, sameSite: .lax)
    }

    static func clearing(secure: Bool) -> Cookie {
        Cookie(
            name: AuthenticationMiddleware.cookieName, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }
}
