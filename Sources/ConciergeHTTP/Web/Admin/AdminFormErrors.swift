import ConciergeCore
import ConciergeDomain
import HTTPTypes

/// A refused form post as the console shows it: the use case's error next to the field it
/// names, in the viewer's language, or above the form when it names none of the form's fields.
///
/// The text comes from the catalogue by the error's code (`admin_error_<code>`); a code the
/// catalogue lacks shows a general sentence with the use case's own explanation. A nested
/// field (`options[2].labels.en`) shows next to its form field (`options`) with the path.
struct AdminFormErrors {
    /// Form field → message. Templates read `page.errors.<field>`.
    let fields: [String: String]
    /// A message for the whole form, when the error names no field of it.
    let form: String?
    /// The full path the error names (`weekly.mon[1]`), for pages that place errors finer than
    /// by form field.
    let path: String?

    static let none = AdminFormErrors(fields: [:], form: nil)

    init(fields: [String: String], form: String?, path: String? = nil) {
        self.fields = fields
        self.form = form
        self.path = path
    }

    /// `error` shown on a form with `formFields`.
    init(_ error: AppError, formFields: Set<String>, catalogue: WebCatalogue) {
        let key = "admin_error_\(error.code)"
        let text =
            catalogue.strings[key] != nil
            ? catalogue.text(key) : catalogue.text("admin_error_other", ["detail": error.message])
        path = error.field ?? Self.conflictFields[error.code]
        if let path, let root = Self.root(of: path), formFields.contains(root) {
            fields = [root: path == root ? text : "\(path): \(text)"]
            form = nil
        } else {
            fields = [:]
            form = text
        }
    }

    /// Whether a form shows `error` (rather than the error page): what a use case refuses
    /// because of the values sent or the state they meet.
    static func shows(_ error: AppError) -> Bool {
        switch error.category {
        case .invalidInput, .conflict, .forbidden: true
        default: false
        }
    }

    /// The status of the page that shows `error`.
    static func status(of error: AppError) -> HTTPResponse.Status {
        switch error.category {
        case .conflict: .conflict
        case .forbidden: .forbidden
        default: .unprocessableContent
        }
    }

    /// The field a conflict is about, for the conflicts the store reports without one.
    static let conflictFields = ["email_taken": "email", "key_taken": "key"]

    /// The form field a path starts with: `options[2].key` → `options`.
    static func root(of path: String) -> String? {
        let root = path.prefix { $0 != "." && $0 != "[" }
        return root.isEmpty ? nil : String(root)
    }
}
