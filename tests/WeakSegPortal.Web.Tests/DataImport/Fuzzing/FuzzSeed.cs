namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>
/// A real file the mutants are made from. Seeds of one family share identifiers (the pydicom MR_small
/// files share a series UID), so a batch holds one input per family. Companions are sent unchanged
/// beside the mutant (the other slices of a series).
/// </summary>
public sealed record FuzzSeed(string Family, string Name, FuzzFormat Format, byte[] Bytes, IReadOnlyList<(string Suffix, byte[] Bytes)> Companions)
{
    /// <summary>The file name ending the upload keeps (the readers pick NIfTI and raster files by it).</summary>
    public string Extension => Name.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase) ? ".nii.gz" : Path.GetExtension(Name);
}
