import ConciergeDomain
import Foundation

/// `/admin/fields`: the tenant's custom ticket fields in display order.
struct AdminFieldsPage {
    struct Row {
        let label: String
        let key: String
        let type: String
        let required: String
        let visibility: String
        let options: String
        let active: String
        let activeKind: String
        let href: String
    }

    let nav: AdminNav
    let rows: [Row]
    let isEmpty: Bool

    init(fields: [CustomFieldDefinition], viewer: WebViewer) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .fields)
        rows = fields.sorted { ($0.position, $0.key) < ($1.position, $1.key) }.map { field in
            let required = [
                field.requiredOnCreate ? catalogue.text("admin_field_required_on_create") : nil,
                field.requiredToSolve ? catalogue.text("admin_field_required_to_solve") : nil,
            ].compactMap { $0 }
            return Row(
                label: field.labels.text(for: catalogue.locale), key: field.key,
                type: catalogue.text("admin_field_type_\(field.type.rawValue)"),
                required: required.isEmpty ? catalogue.text("admin_none") : required.joined(separator: ", "),
                visibility: catalogue.text("admin_field_visibility_\(field.visibility.rawValue)"),
                options: field.options.map { $0.labels.text(for: catalogue.locale) }.joined(separator: ", "),
                active: catalogue.text(field.active ? "admin_active" : "admin_inactive"),
                activeKind: field.active ? "good" : "muted", href: AdminPaths.field(field.id))
        }
        isEmpty = fields.isEmpty
    }
}

/// The editor of one custom field (new, or an existing one whose key and type are fixed).
///
/// Options are typed one per line, in order: `value | 中文 | English`.
struct AdminFieldPage {
    /// What the editor holds.
    struct Values {
        var key = ""
        var type = CustomFieldType.dropdown.rawValue
        var labelZh = ""
        var labelEn = ""
        var requiredOnCreate = false
        var requiredToSolve = false
        var customerVisible = false
        var options = ""
        var pattern = ""
        var position = ""

        init() {}

        init(_ field: CustomFieldDefinition) {
            key = field.key
            type = field.type.rawValue
            labelZh = field.labels.zhCN
            labelEn = field.labels.en
            requiredOnCreate = field.requiredOnCreate
            requiredToSolve = field.requiredToSolve
            customerVisible = field.visibility == .customer
            options = field.options.map { "\($0.value) | \($0.labels.zhCN) | \($0.labels.en)" }.joined(separator: "\n")
            pattern = field.pattern ?? ""
            position = String(field.position)
        }

        init(form: [String: String]) {
            key = form["key"] ?? ""
            type = form["type"] ?? ""
            labelZh = form["label_zh_cn"] ?? ""
            labelEn = form["label_en"] ?? ""
            requiredOnCreate = form["required_on_create"] != nil
            requiredToSolve = form["required_to_solve"] != nil
            customerVisible = form["customer_visible"] != nil
            options = form["options"] ?? ""
            pattern = form["pattern"] ?? ""
            position = form["position"] ?? ""
        }

        /// The options as typed: one per line, `value | 中文 | English` (a full-width bar too).
        var parsedOptions: [CustomFieldOption] {
            options.split(whereSeparator: \.isNewline).compactMap { line in
                let parts = line.split(separator: "|", omittingEmptySubsequences: false)
                    .flatMap { $0.split(separator: "｜", omittingEmptySubsequences: false) }
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.contains(where: { !$0.isEmpty }) else { return nil }
                return CustomFieldOption(
                    value: parts[0],
                    labels: LocalizedText(zhCN: parts.count > 1 ? parts[1] : "", en: parts.count > 2 ? parts[2] : ""))
            }
        }
    }

    /// The editor's fields, for placing errors (`labels.en` shows by the English label).
    static let formFields: Set<String> = [
        "key", "type", "labels", "label_zh_cn", "label_en", "options", "pattern", "position",
    ]

    let nav: AdminNav
    let isNew: Bool
    let heading: String
    let action: String
    let key: String
    let typeName: String
    let typeOptions: [WebOption]
    let labelZh: String
    let labelEn: String
    let requiredOnCreate: Bool
    let requiredToSolve: Bool
    let customerVisible: Bool
    let options: String
    let pattern: String
    let position: String
    let active: Bool
    let toggleAction: String?
    let errors: [String: String]
    let formError: String?

    init(field: CustomFieldDefinition?, values: Values, viewer: WebViewer, errors: AdminFormErrors = .none) {
        let catalogue = viewer.catalogue
        nav = AdminNav(viewer, current: .fields)
        isNew = field == nil
        heading = field.map { $0.labels.text(for: catalogue.locale) } ?? catalogue.text("admin_field_new")
        action = field.map { AdminPaths.field($0.id) } ?? AdminPaths.fields
        key = values.key
        typeName = catalogue.text("admin_field_type_\(values.type)")
        typeOptions = CustomFieldType.allCases.map {
            WebOption(
                value: $0.rawValue, label: catalogue.text("admin_field_type_\($0.rawValue)"),
                selected: $0.rawValue == values.type)
        }
        labelZh = values.labelZh
        labelEn = values.labelEn
        requiredOnCreate = values.requiredOnCreate
        requiredToSolve = values.requiredToSolve
        customerVisible = values.customerVisible
        options = values.options
        pattern = values.pattern
        position = values.position
        active = field?.active ?? true
        toggleAction = field.map { "\(AdminPaths.field($0.id))/\($0.active ? "deactivate" : "activate")" }
        var shown = errors.fields
        // A label error names `labels.zh_cn` or `labels.en`; show it by that box.
        if let text = shown.removeValue(forKey: "labels") {
            shown[text.hasPrefix("labels.en") ? "label_en" : "label_zh_cn"] = text
        }
        self.errors = shown
        formError = errors.form
    }
}
