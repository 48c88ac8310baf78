import Hummingbird

/// `/assets/{file}`: the pages' CSS and JavaScript, from memory, cached for a year. Pages link
/// them with `?v=<digest of all assets>`, so a new build is fetched at once anyway.
struct WebAssetRoutes {
    let resources: WebResources

    func register(on router: Router<AppRequestContext>) {
        router.get("assets/:file") { _, context in
            guard let name = context.parameters.get("file"), let asset = resources.assets[name] else {
                throw HTTPError(.notFound)
            }
            return Response(
                status: .ok,
                headers: [
                    .contentType: asset.contentType, .cacheControl: "public, max-age=31536000, immutable",
                    .xContentTypeOptions: "nosniff",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: asset.bytes)))
        }
    }
}
