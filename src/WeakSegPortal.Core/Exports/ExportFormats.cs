namespace WeakSegPortal.Core.Exports;

/// <summary>The formats an export can hold (docs/export-formats.md); the weak-label JSON is always written.</summary>
public static class ExportFormats
{
    /// <summary>weak-labels.json: every label with annotator, time, provenance, voxel and world coordinates.</summary>
    public const string WeakLabels = "weak-labels";

    /// <summary>Consensus and per-annotator label maps of volumes as NIfTI with the source's affine.</summary>
    public const string Nifti = "nifti";

    /// <summary>Consensus and per-annotator label maps of 2D images as PNG.</summary>
    public const string Png = "png";

    /// <summary>coco.json for 2D images: consensus masks as compressed RLE.</summary>
    public const string Coco = "coco";

    /// <summary>A binary DICOM Segmentation per item whose source is DICOM, referencing the source's instances.</summary>
    public const string DicomSeg = "dicom-seg";

    public static readonly IReadOnlyList<string> All = [WeakLabels, Nifti, Png, Coco, DicomSeg];

    public static string DisplayName(string format) => format switch
    {
        WeakLabels => "Weak labels (JSON)",
        Nifti => "Masks as NIfTI (volumes)",
        Png => "Masks as PNG (2D images)",
        Coco => "COCO JSON with RLE masks (2D images)",
        DicomSeg => "DICOM-SEG (items imported from DICOM)",
        _ => format,
    };
}
