import ConciergeDomain

/// How the console names ticket types.
extension WebCatalogue {
    /// Every ticket type as a checkbox, `chosen` ticked.
    func ticketTypeChoices(_ chosen: Set<String>) -> [WebOption] {
        TicketType.allCases.map {
            WebOption(value: $0.rawValue, label: label($0), selected: chosen.contains($0.rawValue))
        }
    }
}

/// `/admin/forms`: the ticket forms (which fields which type of ticket asks for).
struct AdminFormsPage {
    struct Row {
        let name: String
        let key: String
        let types: String
        let fields: String
        let isDefault: Bool
        let active: String
        let activeKind: String
        let href: String
    }

    let nav: AdminNav
    let rows: [Row]
    let isEmpty: Bool

    init(forms: [TicketForm], fields: [CustomFieldDefinition], viewer: WebViewer) {
        let catalogue = viewer.catalogue
        let labels = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.labels.text(for: catalogue.locale)) })
        nav = AdminNav(viewer, current: .forms)
        rows = forms.map { form in
            Row(
                name: form.names.text(for: catalogue.locale), key: form.key,
                types: form.ticketTypes.isEmpty
                    ? catalogue.text("admin_form_every_type")
                    : form.ticketTypes.map(catalogue.label).joined(separator: ", "),
                fields: form.fieldKeys.map { labels[$0] ?? $0 }.joined(separator: ", "), isDefault: form.isDefault,
                active: catalogue.text(form.active ? "admin_active" : "admin_inactive"),
                activeKind: form.active ? "good" : "muted", href: AdminPaths.form(form.id))
        }
        isEmpty = forms.isEmpty
    }
}

/// The editor of one ticket form: names, ticket types, fields (in the fields' display order),
/// default and active.
struct AdminFormPage {
    struct Values {
        var key = ""
        var nameZh = ""
        var nameEn = ""
        var ticketTypes: Set<String> = []
        var fieldKeys: [String] = []
        var isDefault = false
        var active = true

        init() {}

        init(_ form: TicketForm) {
            key = form.key
            nameZh = form.names.zhCN
            nameEn = form.names.en
            ticketTypes = Set(form.ticketTypes.map(\.rawValue))
            fieldKeys = form.fieldKeys
            isDefault = form.isDefault
            active = form.active
        }

        init(form: [String: String], ticketTypes: [String], fieldKeys: [String]) {
            key = form["key"] ?? ""
            nameZh = form["name_zh_cn"] ?? ""
            nameEn = form["name_en"] ?? ""
            self.ticketTypes = Set(ticketTypes)
            self.fieldKeys = fieldKeys
            isDefault = form["is_default"] != nil
            active = form["active"] != nil
        }
    }

    static let formFields: Set<String> = ["key", "names", "ticket_types", "field_keys", "is_default"]

    let nav: AdminNav
    let isNew: Bool
    let heading: String
    let action: String
    let key: String
    let nameZh: String
    let nameEn: String
    let typeChoices: [WebOption]
    let fieldChoices: [WebOption]
    let hasFields: Bool
    let isDefault: Bool
    let active: Bool
    let errors: [String: String]
    let formError: String?

    init(
        form: TicketForm?, fields: [CustomFieldDefinition], values: Values, viewer: WebViewer,
        errors: AdminFormErrors = .none
    ) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .forms)
        isNew = form == nil
        heading = form.map { $0.names.text(for: catalogue.locale) } ?? catalogue.text("admin_form_new")
        action = form.map { AdminPaths.form($0.id) } ?? AdminPaths.forms
        key = values.key
        nameZh = values.nameZh
        nameEn = values.nameEn
        typeChoices = catalogue.ticketTypeChoices(values.ticketTypes)
        // The form's own fields first in its order, then the others in display order.
        let chosen = values.fieldKeys.compactMap { key in fields.first { $0.key == key } }
        let others = fields.filter { !values.fieldKeys.contains($0.key) }
            .sorted { ($0.position, $0.key) < ($1.position, $1.key) }
        fieldChoices = (chosen + others).map { field in
            let label = field.labels.text(for: catalogue.locale)
            return WebOption(
                value: field.key,
                label: field.active ? label : catalogue.text("admin_form_field_inactive", ["label": label]),
                selected: values.fieldKeys.contains(field.key))
        }
        hasFields = !fields.isEmpty
        isDefault = values.isDefault
        active = values.active
        self.errors = errors.fields
        formError = errors.form
    }
}
