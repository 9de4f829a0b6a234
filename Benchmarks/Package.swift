// swift-tools-version:6.1
//
// Accord's benchmarks, kept out of the main package so that building Accord never builds them:
// - `ChemistryBenchmarks` (ordo-one/benchmark): the engine's own trends, `swift package benchmark`;
// - `chemistry-rates`: the Swift side of `scripts/bench-vs-rdkit`, which runs the same workloads on the same
//   molecules as RDKit and FPSim2 in one run and prints rates and ratios per core.
import PackageDescription

let package = Package(
    name: "AccordBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "Accord", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "chemistry-rates",
            dependencies: [.product(name: "Chemistry", package: "Accord")],
            path: "Sources/chemistry-rates",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")]
        ),
        .executableTarget(
            name: "ChemistryBenchmarks",
            dependencies: [
                .product(name: "Chemistry", package: "Accord"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ChemistryBenchmarks",
            swiftSettings: [.enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility")],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
