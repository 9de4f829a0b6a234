// swift-tools-version:6.1
//
// Accord: cheminformatics, drug-control law, surveillance and an exchange server for agencies working
// against synthetic opioids. Modules depend one way (see docs/ARCHITECTURE.md):
//
//   Chemistry  <-  Law  <-  Surveillance, Exchange  <-  Storage  <-  Server  <-  AccordCLI  <-  accord
//
// `Chemistry` uses nothing outside the toolchain, so it can be reused and fuzzed on its own.
import PackageDescription

/// Settings every target shares: Swift 6 strict concurrency comes with the tools version; these upcoming
/// features make dependencies explicit (SE-0335 `any`, SE-0444 member import visibility).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Accord",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "Chemistry", targets: ["Chemistry"]),
        .library(name: "Law", targets: ["Law"]),
        .library(name: "Surveillance", targets: ["Surveillance"]),
        .executable(name: "accord", targets: ["accord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .target(name: "Chemistry", swiftSettings: strictSettings),
        .target(
            name: "Law",
            dependencies: ["Chemistry"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Surveillance",
            dependencies: [.product(name: "CSV", package: "CSV.swift")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "accord",
            dependencies: [
                "Chemistry",
                "Law",
                "Surveillance",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "chemistry-bench", dependencies: ["Chemistry"], swiftSettings: strictSettings),
        .testTarget(
            name: "ChemistryTests", dependencies: ["Chemistry"], resources: [.copy("Resources")],
            swiftSettings: strictSettings),
        .testTarget(name: "LawTests", dependencies: ["Law"], swiftSettings: strictSettings),
        .testTarget(
            name: "SurveillanceTests",
            dependencies: ["Surveillance"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
