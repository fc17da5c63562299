using System.Text.Json;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Imaging;
using WeakSegPortal.Imaging.Nifti;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.Training.Bench;

namespace WeakSegPortal.Cli.Bench;

/// <summary>Writes a benchmark set as NIfTI images and label volumes plus annotations.json, and reads such a folder, or outside image/label volumes, back.</summary>
internal static class BenchSetFiles
{
    public const string LabelsFileName = "annotations.json";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    public static IReadOnlyList<string> Write(BenchSet set, string folder, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.Combine(folder, "images"));
        Directory.CreateDirectory(Path.Combine(folder, "labels"));
        var written = new List<string>();
        var entries = new List<SimulatedItemEntry>();
        foreach (var item in set.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (image, label) = ($"images/{item.Name}.nii.gz", $"labels/{item.Name}.nii.gz");
            var geometry = new VolumeGeometry(item.Grid.Nx, item.Grid.Ny, item.Grid.Nz, new Vec3(item.Grid.SpacingX, item.Grid.SpacingY, item.Grid.SpacingZ),
                new Vec3(0, 0, 0), Direction3.Identity);
            var metadata = new VolumeMetadata { Modality = item.Modality, SeriesDescription = $"weakseg simulate {item.Name}", SourceFormat = "simulation" };
            NiftiWriter.Write(Volume.FromFloat32(geometry, metadata, item.Image), Path.Combine(folder, image));
            NiftiWriter.Write(Volume.FromInt16(geometry, metadata with { Modality = "SEG" }, item.Truth.Select(t => (short)t).ToArray()), Path.Combine(folder, label), NiftiDataType.UInt8);
            written.Add(Path.Combine(folder, image));
            written.Add(Path.Combine(folder, label));
            entries.Add(new SimulatedItemEntry(item.Name, item.Modality, image, label, item.Annotators.Select(a => new SimulatedAnnotationEntry(a.AnnotatorId, a.Labels)).ToList()));
        }
        var annotators = set.AnnotatorNames.Select(a => new SimulatedAnnotatorEntry(a.Key, a.Value, a.Key == set.CarelessAnnotator)).ToList();
        var path = Path.Combine(folder, LabelsFileName);
        File.WriteAllText(path, JsonSerializer.Serialize(new SimulatedLabelsFile(set.Classes, annotators, entries), Json));
        written.Add(path);
        return written;
    }

    /// <summary>A folder written by <see cref="Write"/>: the images as written (already in [0, 1]), the annotators' labels as stored.</summary>
    public static BenchSet ReadSimulated(string folder, CancellationToken cancellationToken)
    {
        var file = JsonSerializer.Deserialize<SimulatedLabelsFile>(File.ReadAllText(Path.Combine(folder, LabelsFileName)), Json)
            ?? throw new CliRefusedException($"{Path.Combine(folder, LabelsFileName)} is empty");
        var reader = VolumeFileReader.CreateDefault();
        var items = file.Items.Select(entry =>
        {
            var (grid, image) = Voxels(reader.Read(Path.Combine(folder, entry.Image), cancellationToken));
            var (labelGrid, label) = Voxels(reader.Read(Path.Combine(folder, entry.Label), cancellationToken));
            if (labelGrid.Count != grid.Count)
            {
                throw new CliRefusedException($"{entry.Label} does not match {entry.Image} in size");
            }
            var annotators = entry.Annotations.Select(a => new AnnotatorWeakLabels(a.Annotator, 1, a.Labels)).ToList();
            return new BenchItem(entry.Name, entry.Modality, grid, image, label.Select(v => (byte)Math.Clamp(MathF.Round(v), 0, 255)).ToArray(), annotators);
        }).ToList();
        var careless = file.Annotators.FirstOrDefault(a => a.Careless)?.Id ?? Guid.Empty;
        return new BenchSet(items, file.Classes, file.Annotators.ToDictionary(a => a.Id, a => a.Name), careless);
    }

    /// <summary>Outside data: pairs of image and label volumes (files, or folders whose files pair up by name).</summary>
    public static IReadOnlyList<(string Name, string Modality, Grid Grid, float[] Image, int[] Labels)> ReadOutside(string images, string labels, string modality, CancellationToken cancellationToken)
    {
        var pairs = Directory.Exists(images)
            ? Directory.GetFiles(images).Where(IsNifti).Order(StringComparer.Ordinal)
                .Select(i => (Image: i, Label: Path.Combine(labels, Path.GetFileName(i)))).ToList()
            : [(images, labels)];
        if (pairs.Count == 0)
        {
            throw new CliRefusedException($"no NIfTI images in {images}");
        }
        var reader = VolumeFileReader.CreateDefault();
        return pairs.Select(pair =>
        {
            if (!File.Exists(pair.Label))
            {
                throw new CliRefusedException($"no label volume {pair.Label} for {pair.Image}");
            }
            var image = reader.Read(pair.Image, cancellationToken);
            var (grid, voxels) = Voxels(image);
            var (labelGrid, label) = Voxels(reader.Read(pair.Label, cancellationToken));
            if (labelGrid.Nx != grid.Nx || labelGrid.Ny != grid.Ny || labelGrid.Nz != grid.Nz)
            {
                throw new CliRefusedException($"{pair.Label} is {labelGrid.Nx}×{labelGrid.Ny}×{labelGrid.Nz}, its image {grid.Nx}×{grid.Ny}×{grid.Nz}");
            }
            var kind = modality != "auto" ? modality.ToUpperInvariant() : image.Metadata.Modality is "CT" or "MR" ? image.Metadata.Modality : Guess(voxels);
            return (Name: Path.GetFileName(pair.Image), Modality: kind, Grid: grid, Image: voxels, Labels: label.Select(v => (int)MathF.Round(v)).ToArray());
        }).ToList();
    }

    private static bool IsNifti(string path) => path.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>Values down to −1000 (air in HU) say CT; anything else is scaled by percentiles.</summary>
    private static string Guess(float[] voxels) => voxels.Min() <= -900 ? "CT" : "MR";

    private static (Grid Grid, float[] Voxels) Voxels(Volume volume)
    {
        var g = volume.Geometry;
        var voxels = new float[g.VoxelCount];
        for (long v = 0; v < voxels.LongLength; v++)
        {
            voxels[v] = volume[v];
        }
        return (new Grid(g.Nx, g.Ny, g.Nz, g.Spacing.X, g.Spacing.Y, g.Spacing.Z), voxels);
    }
}
