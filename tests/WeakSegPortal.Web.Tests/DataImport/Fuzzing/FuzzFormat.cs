namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>The container a fuzz input was made from; each has its own structure-aware mutations.</summary>
public enum FuzzFormat
{
    Dicom,
    Nifti,
    Png,
    Zip,
}
