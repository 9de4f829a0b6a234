import Surveillance

/// The substance resolver and control-status provider the CLI uses. Until the law knowledge base is
/// connected, names stay unmapped and alerts carry no status (nothing is invented).
enum SubstanceResolvers {
    static var `default`: any SubstanceResolver { NoSubstanceResolver() }
    static var status: any ControlStatusProvider { NoControlStatus() }
}
