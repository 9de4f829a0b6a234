import ArgumentParser

/// The `accord` command-line tool. Each subcommand lives in its own file under `Commands/`.
///
/// Conventions every subcommand keeps: machine-readable output is JSON lines on standard output, one object
/// per input record, in input order; progress and diagnostics go to standard error; a bad record is reported in
/// its own output line and never stops the stream; the exit status is non-zero only for usage errors and
/// unreadable files.
@main
struct Accord: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accord",
        abstract: "Chemistry, drug-control law, surveillance and exchange for agencies countering synthetic opioids.",
        version: "0.1.0",
        subcommands: [
            // Chemistry
            DescribeCommand.self,
            CanonCommand.self,
            MatchCommand.self,
            MCSCommand.self,
            FingerprintCommand.self,
            SimilarCommand.self,
            ScreenCommand.self,
            // Law
            LawCommand.self,
            ClassifyCommand.self,
            Timeline.self,
            Gaps.self,
            // Surveillance
            Surveil.self,
            // Exchange server
            Serve.self,
            Admin.self,
            Audit.self,
        ]
    )
}
