extension KeyedDecodingContainer {
    /// A PATCH field that can be cleared: `nil` when the key is absent, `.some(nil)` when it
    /// is `null`, the value otherwise.
    func decodeNullable<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T?? {
        guard contains(key) else { return nil }
        if try decodeNil(forKey: key) { return .some(nil) }
        return .some(try decode(T.self, forKey: key))
    }
}
