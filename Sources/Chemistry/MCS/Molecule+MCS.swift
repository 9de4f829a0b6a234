extension Molecule {
    /// The maximum common substructure of this molecule (`first` in the result) and `other`.
    public func maximumCommonSubstructure(with other: Molecule, options: MCSOptions = MCSOptions()) -> MCSResult {
        MaximumCommonSubstructure.find(self, other, options: options)
    }
}
