using System.Text.Json;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Nifti;

namespace WeakSegPortal.Imaging.Demo;

/// <summary>
/// Writes the demo cases: for each of ct and mr, dicom/ (a series), image.nii.gz and labels.nii.gz
/// (uint8 label ids); plus labels.json naming the label ids.
/// </summary>
public sealed class DemoDataWriter(IDicomSeriesWriter dicomWriter)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public IReadOnlyList<string> Write(string folder, int seed, int size, CancellationToken cancellationToken = default)
    {
        var generator = new DemoVolumeGenerator(seed);
        var written = new List<string>();
        var studyUid = $"2.25.{(uint)seed}{size}";
        var series = 0;
        foreach (var demo in new[] { generator.CreateCt(size), generator.CreateMr(size) })
        {
            cancellationToken.ThrowIfCancellationRequested();
            series++;
            var caseFolder = Path.Combine(folder, demo.Name);
            Directory.CreateDirectory(caseFolder);
            var identity = new DicomSeriesIdentity(studyUid, $"{studyUid}.{series}", demo.Image.Metadata.Modality, demo.Image.Metadata.SeriesDescription);
            dicomWriter.Write(demo.Image, Path.Combine(caseFolder, "dicom"), identity, cancellationToken);
            written.Add(Path.Combine(caseFolder, "dicom"));
            var imagePath = Path.Combine(caseFolder, "image.nii.gz");
            NiftiWriter.Write(demo.Image, imagePath);
            written.Add(imagePath);
            var labelPath = Path.Combine(caseFolder, "labels.nii.gz");
            NiftiWriter.Write(demo.Labels, labelPath, NiftiDataType.UInt8);
            written.Add(labelPath);
        }

        var labelsJson = Path.Combine(folder, "labels.json");
        File.WriteAllText(labelsJson, JsonSerializer.Serialize(DemoVolumeGenerator.LabelNames.ToDictionary(p => p.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Value), Indented));
        written.Add(labelsJson);
        return written;
    }
}
