import ConciergeDomain

/// What every page's frame shows around its content: language, asset URLs, the signed-in
/// agent, the CSRF token for its forms, the flash message left by the previous request, and the
/// tenant's brand.
struct WebFrame {
    let catalogue: WebCatalogue
    let lang: String
    let assetVersion: String
    /// The session's CSRF token; every form sends it back as `csrf_token`.
    let csrfToken: String
    /// The agent's name, `nil` on the sign-in page.
    let userName: String?
    /// "Signed in as …" for the header (stored: templates see stored properties only).
    let signedInAs: String?
    let flash: WebFlash.Shown?
    /// Whether the header links to the supervisor dashboard (the viewer may read reports).
    let showsDashboard: Bool
    /// The tenant's name, logo and colours; `nil` before anyone is signed in.
    let brand: WebBrand?
    /// The admin console's home, for those who may use it.
    let consoleURL: String?

    init(
        resources: WebResources, catalogue: WebCatalogue, csrfToken: String, userName: String?,
        flash: WebFlash.Shown?, showsDashboard: Bool = false, brand: WebBrand? = nil, consoleURL: String? = nil
    ) {
        self.catalogue = catalogue
        self.lang = catalogue.htmlLanguage
        self.assetVersion = resources.assetVersion
        self.csrfToken = csrfToken
        self.userName = userName
        self.signedInAs = userName.map { catalogue.text("signed_in_as", ["name": $0]) }
        self.flash = flash
        self.showsDashboard = showsDashboard
        self.brand = brand
        self.consoleURL = consoleURL
    }
}
