/// Latitude and longitude in decimal degrees (WGS 84).
public struct Coordinates: Codable, Sendable, Hashable {
    public let latitude: Double
    public let longitude: Double
}

/// Where something happened: a country and, optionally, region, city and coordinates.
public struct Place: Codable, Sendable, Hashable {
    public let country: String
    public let region: String?
    public let city: String?
    public let coordinates: Coordinates?

    public init(country: String, region: String?, city: String?, coordinates: Coordinates?) {
        self.country = country
        self.region = region
        self.city = city
        self.coordinates = coordinates
    }

    static func read(_ reader: inout ObjectReader) throws(ExchangeError) -> Place {
        let country = try readCountry(&reader, "country", required: true) ?? ""
        let region = try reader.string("region")
        let city = try reader.string("city")
        let coordinates = try reader.object("coordinates") { (r: inout ObjectReader) throws(ExchangeError) in
            Coordinates(latitude: try r.number("latitude", in: -90...90, required: true) ?? 0,
                        longitude: try r.number("longitude", in: -180...180, required: true) ?? 0)
        }
        return Place(country: country, region: region, city: city, coordinates: coordinates)
    }
}

/// Reads a country code field (`US`, `CN`, `MX`, or `UN`).
func readCountry(_ reader: inout ObjectReader, _ name: String, required: Bool = false) throws(ExchangeError) -> String? {
    guard let code = try reader.string(name, maxLength: 2, required: required) else { return nil }
    guard CountryCode.isValid(code) else {
        throw ExchangeError.invalid(reader.fieldPath(name), "'\(code)' is not a country code; use two upper-case letters (ISO 3166-1 alpha-2) or UN", code: "invalid_value")
    }
    return code
}

func readCountry(_ value: JSONValue, path: String) throws(ExchangeError) -> String {
    let code = try ObjectReader.string(value, path: path, maxLength: 2)
    guard CountryCode.isValid(code) else {
        throw ExchangeError.invalid(path, "'\(code)' is not a country code; use two upper-case letters (ISO 3166-1 alpha-2) or UN", code: "invalid_value")
    }
    return code
}
