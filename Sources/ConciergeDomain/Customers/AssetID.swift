/// Phantom tag for ``AssetID``.
public enum AssetTag {}

/// Identifies an asset or device (its human-facing key is ``Asset/serialNumber``).
public typealias AssetID = TypedID<AssetTag>
