import Exchange
import Foundation

/// The committed OpenAPI 3.1 description of the API (`Resources/openapi.json`), served as is.
public enum OpenAPIDocument {
    /// The document's bytes.
    public static func data() throws(ExchangeError) -> Data {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "json", subdirectory: "Resources")
            ?? Bundle.module.url(forResource: "openapi", withExtension: "json"),
            let data = try? Data(contentsOf: url) else {
            throw ExchangeError(.internal, code: "missing_openapi", "the OpenAPI document is missing from the server's resources")
        }
        return data
    }
}
