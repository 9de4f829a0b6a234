/// The path a consignment took: origin, transit countries in order, destination.
public struct Route: Codable, Sendable, Hashable {
    public let origin: String?
    public let transit: [String]
    public let destination: String?

    static func read(_ reader: inout ObjectReader) throws(ExchangeError) -> Route {
        let origin = try readCountry(&reader, "origin")
        let transit = try reader.array("transit") { (value, path) throws(ExchangeError) in try readCountry(value, path: path) }
        let destination = try readCountry(&reader, "destination")
        return Route(origin: origin, transit: transit, destination: destination)
    }
}
