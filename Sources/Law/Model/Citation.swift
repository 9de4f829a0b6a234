/// Where a fact comes from: the legal instrument or report as a reader would cite it, and a link where one
/// exists. Every listing step and every class rule carries one, so that an answer can always be traced.
public struct Citation: Sendable, Hashable, Codable {
    /// The citation as text ("83 FR 5188 (FR Doc 2018-02319) ...", "《关于将芬太尼类物质列入...的公告》").
    public let text: String
    public let url: String?

    public init(text: String, url: String? = nil) {
        self.text = text
        self.url = url
    }
}
