import ArgumentParser

/// `accord law`: the knowledge base itself.
struct LawCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "law",
        abstract: "List and check the knowledge base of US, Chinese and UN controls.",
        subcommands: [LawList.self, LawCheckCommand.self]
    )
}
