import ArgumentParser

/// `accord surveil`: import public overdose and seizure series, query them, run outbreak detectors, raise
/// alerts and draw charts.
struct Surveil: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "surveil",
        abstract: "Surveillance of overdose and seizure series: import, series, alerts, detectors, charts.",
        subcommands: [SurveilImport.self, SurveilSeries.self, SurveilAlerts.self, SurveilDetect.self,
                      SurveilChart.self, SurveilNames.self]
    )
}
