import Law

/// The exchange dates records with the law's `CalendarDate` (a day, no time zone), so a seizure's date is
/// the very value the law engine classifies at.
extension CalendarDate {
    /// Reads exactly `YYYY-MM-DD` as sent in requests; nil for anything else (the caller names the field).
    public init?(iso text: String) {
        guard let date = try? CalendarDate(parsing: text) else { return nil }
        self = date
    }
}
