import ConciergeDomain

/// The signed-in agent's own settings: name and language, and a password change.
struct AgentSettingsPage {
    let name: String
    let email: String
    let languageOptions: [WebOption]
    let tenantLanguage: String

    init(viewer: WebViewer) {
        let catalogue = viewer.catalogue
        name = viewer.user.name
        email = viewer.user.email
        let chosen = viewer.user.locale ?? viewer.tenant.locale
        languageOptions = Tenant.Locale.allCases.map {
            WebOption(value: $0.rawValue, label: catalogue.text("language_\($0.rawValue)"), selected: $0 == chosen)
        }
        tenantLanguage = catalogue.text(
            "settings_tenant_language", ["language": catalogue.text("language_\(viewer.tenant.locale.rawValue)")])
    }
}
