import Foundation

/// The one JSON convention of the exchange: snake_case keys, sorted keys (so digests are reproducible).
public enum ExchangeJSON {
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    /// Encodes a value the exchange's way.
    public static func encode(_ value: some Encodable) throws(ExchangeError) -> Data {
        do {
            return try encoder().encode(value)
        } catch {
            throw ExchangeError(.internal, code: "encoding_failed", "could not encode \(type(of: value)): \(error)")
        }
    }

    /// Decodes a value the exchange wrote itself (stored records); failures are internal errors.
    public static func decodeStored<T: Decodable>(_ type: T.Type, from data: Data) throws(ExchangeError) -> T {
        do {
            return try decoder().decode(type, from: data)
        } catch {
            throw ExchangeError(.internal, code: "corrupt_record", "a stored \(type) could not be read: \(error)")
        }
    }
}
