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
        .library(name: "Exchange", targets: ["Exchange"]),
        .library(name: "Storage", targets: ["Storage"]),
        .library(name: "Server", targets: ["Server"]),
        .executable(name: "accord", targets: ["accord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/vapor/sql-kit", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit", from: "2.17.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/vapor/sqlite-nio", from: "1.13.2"),
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
            dependencies: ["Chemistry", "Law", .product(name: "CSV", package: "CSV.swift")],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Exchange",
            dependencies: ["Law", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Storage",
            dependencies: [
                "Exchange",
                "Surveillance",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "SQLiteNIO", package: "sqlite-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "Server",
            dependencies: [
                "Chemistry",
                "Exchange",
                "Storage",
                "Surveillance",
                "Law",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "accord",
            dependencies: [
                "Chemistry",
                "Law",
                "Surveillance",
                "Exchange",
                "Storage",
                "Server",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(name: "chemistry-bench", dependencies: ["Chemistry"], swiftSettings: strictSettings),
        .executableTarget(name: "substructure-bench", dependencies: ["Chemistry"], swiftSettings: strictSettings),
        .executableTarget(name: "law-bench", dependencies: ["Chemistry", "Law"], swiftSettings: strictSettings),
        .testTarget(
            name: "accordTests",
            dependencies: ["accord"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ChemistryTests", dependencies: ["Chemistry"], resources: [.copy("Resources")],
            swiftSettings: strictSettings),
        .testTarget(name: "LawTests", dependencies: ["Law"], swiftSettings: strictSettings),
        // Runs the built `accord` executable (the dependency makes SwiftPM build it first).
        .testTarget(name: "AccordTests", dependencies: ["accord"], swiftSettings: strictSettings),
        .testTarget(
            name: "SurveillanceTests",
            dependencies: ["Surveillance", "Law", "Chemistry"],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "ExchangeTests", dependencies: ["Exchange", "Law"], swiftSettings: strictSettings),
        .target(
            name: "ExchangeTestSupport",
            dependencies: ["Exchange", "Law", "Storage", .product(name: "PostgresNIO", package: "postgres-nio")],
            path: "Tests/ExchangeTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "StorageTests", dependencies: ["Exchange", "Law", "Storage", "Surveillance", "ExchangeTestSupport"],
            swiftSettings: strictSettings),
        .testTarget(
            name: "ServerTests",
            dependencies: [
                "Chemistry",
                "Exchange",
                "Storage",
                "Server",
                "Surveillance",
                "Law",
                "ExchangeTestSupport",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ],
            resources: [.copy("Resources")],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
