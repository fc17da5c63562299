using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Dicom;
using WeakSegPortal.Imaging.Dicom.Segmentation;
using WeakSegPortal.Imaging.Volumes;
using WeakSegPortal.Web.Tests.DataImport;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Exports;

/// <summary>
/// DICOM-SEG end to end: a real DICOM series (written by GDCM) is imported, labelled by two annotators and exported; every
/// SEG must pass dicom3tools' <c>dciodvfy</c> without an error, dcmtk's <c>dcmdump</c> must find the source's study, series,
/// frame of reference and, per frame, the SOP instance of the slice it lies on, and the frames (dcmdump's raw pixel data,
/// unpacked by the standard's bit order, and pydicom) must equal the NIfTI consensus of the same export as nibabel reads it.
/// </summary>
public sealed partial class DicomSegExportTests(ImportPortalFactory portal) : IClassFixture<ImportPortalFactory>, IDisposable
{
    private readonly List<string> _folders = [];
    private const int Columns = 30;
    private const int Rows = 27;
    private const int Slices = 6;
    private static readonly string[] SegmentLabels = ["Liver", "Lesion"];
    private static readonly string[] ManualTwice = ["MANUAL", "MANUAL"];
    private static readonly int[] BothSegments = [1, 2];

    /// <summary>
    /// dciodvfy's warnings that are allowed, each with its reason. The portal keeps no patient name, ID or study date
    /// (README "Patient data stays with managers"), so the type 2 attributes a DICOMDIR would be built from are empty.
    /// </summary>
    private static readonly string[] AllowedWarnings =
    [
        "Missing attribute or value that would be needed to build DICOMDIR - Patient ID",
        "Missing attribute or value that would be needed to build DICOMDIR - Study Date",
        "Missing attribute or value that would be needed to build DICOMDIR - Study Time",
        "Missing attribute or value that would be needed to build DICOMDIR - Study ID",
    ];

    private const string PixelCheck = """
        import sys, json
        import numpy as np, nibabel as nb, pydicom
        raw_path, seg_path, nifti_path = sys.argv[1], sys.argv[2], sys.argv[3]
        frames = json.loads(sys.argv[4]); classes = json.loads(sys.argv[5]); rows, cols = int(sys.argv[6]), int(sys.argv[7])
        raw = np.fromfile(raw_path, dtype=np.uint8)
        # PS3.5 8.1.1: 1-bit pixels, the first in the lowest bit, frames packed one after another.
        bits = np.unpackbits(raw, bitorder="little")[: len(frames) * rows * cols].reshape(len(frames), rows, cols)
        ds = pydicom.dcmread(seg_path)
        by_pydicom = ds.pixel_array.reshape(len(frames), rows, cols)
        label_map = np.asarray(nb.load(nifti_path).dataobj)
        out = {"frames": len(frames), "dcmtk_mismatches": 0, "pydicom_mismatches": 0, "set_voxels": 0, "uncovered_voxels": 0}
        covered = np.zeros(label_map.shape, dtype=bool)
        for f, (segment, k) in enumerate(frames):
            expected = (label_map[:, :, k] == classes[segment - 1]).T  # NIfTI [x, y]; a frame [row, column]
            covered[:, :, k] |= expected.T
            out["dcmtk_mismatches"] += int(np.sum(bits[f].astype(bool) != expected))
            out["pydicom_mismatches"] += int(np.sum(by_pydicom[f].astype(bool) != expected))
            out["set_voxels"] += int(bits[f].sum())
        out["uncovered_voxels"] = int(np.sum((label_map > 0) & ~covered))
        print(json.dumps(out))
        """;

    [Fact]
    public async Task A_dicom_seg_of_an_imported_series_passes_dciodvfy_and_dcmtk_finds_the_consensus_on_the_source_instances()
    {
        var world = await new ExportWorld(portal, "seg").CreateAsync(annotators: 2);
        var manager = await portal.ManagerAsync();
        var identity = new DicomSeriesIdentity(DicomUids.New(), DicomUids.New(), "CT", "seg export test") { FrameOfReferenceUid = DicomUids.New() };
        var geometry = new VolumeGeometry(Columns, Rows, Slices, new Vec3(0.75, 0.8, 2.5), new Vec3(-11.25, -10, 40), Direction3.Identity);
        var report = await ImportApi.ImportAsync(manager, world.Project, [.. WriteSeries(geometry, identity)]);
        Assert.All(report.Files, f => Assert.True(f.Accepted, f.Message));
        var item = Assert.Single(report.Files.Select(f => f.ItemId).Distinct())!.Value;
        var source = Assert.Single(await ImportApi.ItemsAsync(portal.Services, world.Project)).Source!;
        Assert.Equal(identity.FrameOfReferenceUid, source.FrameOfReferenceUid);
        Assert.Equal(Enumerable.Range(1, Slices).Select(n => $"{identity.SeriesInstanceUid}.{n}"), source.SopInstanceUids!);

        await world.AssignAsync(item);
        var project = (await world.LoadAsync<ProjectSummary>(world.Project))!;
        var liver = project.Classes.Single(c => c.Name == "Liver").Id;
        var lesion = project.Classes.Single(c => c.Name == "Lesion").Id;
        foreach (var annotator in new[] { 0, 1 })
        {
            await world.LabelAsync(annotator, ExportWorld.Scribble(item, liver, 1, [4, 5], [20, 5], [20, 15]));
            await world.LabelAsync(annotator, ExportWorld.Scribble(item, liver, 4, [3, 20], [25, 22]));
            await world.LabelAsync(annotator, ExportWorld.Scribble(item, lesion, 4, [10, 10], [14, 12]));
        }
        await world.LabelAsync(0, ExportWorld.Scribble(item, lesion, 2, [6, 6], [9, 9]));

        var folder = await ExportApi.ExportAsync(manager, world.Project, ExportFormats.DicomSeg, ExportFormats.Nifti);
        _folders.Add(folder);

        var segFolder = Path.Combine(folder, "dicom-seg", item.ToString());
        var names = new[] { "consensus", $"annotator-{world.Annotators[0]}", $"annotator-{world.Annotators[1]}" };
        Assert.Equal(names.Select(n => $"{n}.dcm").Order(StringComparer.Ordinal), Directory.GetFiles(segFolder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal));
        var classes = JsonSerializer.Serialize(project.Classes.Select(c => c.Id).Where(c => c is > 0 and < 256).Order());
        foreach (var name in names)
        {
            var seg = Path.Combine(segFolder, $"{name}.dcm");
            var (_, verdict) = await DicomTools.RunAsync("dciodvfy", seg);
            var lines = verdict.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            Assert.True(!lines.Any(l => l.StartsWith("Error", StringComparison.Ordinal)), $"dciodvfy on {name}:\n{verdict}");
            var warnings = lines.Where(l => l.StartsWith("Warning", StringComparison.Ordinal)).Select(l => l["Warning - ".Length..]).ToList();
            Assert.True(warnings.All(AllowedWarnings.Contains), $"dciodvfy warns on {name}:\n{string.Join('\n', warnings)}");

            var dump = await DumpAsync(seg);
            Assert.Equal(ExplicitVrSegmentationWriter.SegmentationStorage, dump.Top("0008,0016"));
            Assert.Equal(identity.StudyInstanceUid, dump.Top("0020,000d"));
            Assert.Equal(identity.FrameOfReferenceUid, dump.Top("0020,0052"));
            Assert.Equal("SEG", dump.Top("0008,0060"));
            Assert.Equal(identity.SeriesInstanceUid, dump.Top("0020,000e", inReferencedSeries: true));
            Assert.Equal(source.SopInstanceUids!, dump.ReferencedInstances);
            Assert.NotEmpty(dump.Frames);
            foreach (var frame in dump.Frames)
            {
                // The frame's position says which slice it lies on; its source reference must name that slice's instance.
                var k = (int)Math.Round((frame.Position[2] - geometry.Origin.Z) / geometry.Spacing.Z);
                Assert.Equal(new[] { geometry.Origin.X, geometry.Origin.Y, geometry.Origin.Z + k * geometry.Spacing.Z }, frame.Position, new ToleranceComparer(1e-6));
                Assert.Equal($"{identity.SeriesInstanceUid}.{k + 1}", frame.SourceInstance);
                Assert.Equal(new[] { (uint)frame.Segment, (uint)(k + 1) }, frame.DimensionIndex);
            }
            var nifti = Path.Combine(folder, "nifti", item.ToString(), $"{name}.nii.gz");
            var frames = JsonSerializer.Serialize(dump.Frames.Select(f => new[] { f.Segment, (int)Math.Round((f.Position[2] - geometry.Origin.Z) / geometry.Spacing.Z) }));
            var check = await PythonOracle.RunAsync(PixelCheck, dump.RawPixels, seg, nifti, frames, classes, Rows.ToString(CultureInfo.InvariantCulture), Columns.ToString(CultureInfo.InvariantCulture));
            Assert.Equal(dump.Frames.Count, check.GetProperty("frames").GetInt32());
            Assert.Equal(0, check.GetProperty("dcmtk_mismatches").GetInt32());
            Assert.Equal(0, check.GetProperty("pydicom_mismatches").GetInt32());
            Assert.Equal(0, check.GetProperty("uncovered_voxels").GetInt32());
            Assert.True(check.GetProperty("set_voxels").GetInt32() > 20, check.ToString());
        }

        // Two segments (Liver, Lesion) coded in SNOMED CT; the scribbles were drawn by hand.
        var consensus = await DumpAsync(Path.Combine(segFolder, "consensus.dcm"));
        Assert.Equal(SegmentLabels, consensus.All("0062,0005"));
        Assert.Equal(ManualTwice, consensus.All("0062,0008"));
        Assert.Contains("10200004", consensus.All("0008,0100"));
        Assert.Equal(BothSegments, consensus.Frames.Select(f => f.Segment).Distinct().Order());
        // Only annotator 0 drew the lesion on slice 2 (z = 45): their SEG has that frame, the other annotator's has not.
        Assert.Contains((await DumpAsync(Path.Combine(segFolder, $"annotator-{world.Annotators[0]}.dcm"))).Frames, f => f.Segment == 2 && Math.Abs(f.Position[2] - 45) < 1e-6);
        Assert.DoesNotContain((await DumpAsync(Path.Combine(segFolder, $"annotator-{world.Annotators[1]}.dcm"))).Frames, f => f.Segment == 2 && Math.Abs(f.Position[2] - 45) < 1e-6);
    }

    [Fact]
    public async Task Dicom_seg_is_refused_with_the_reason_for_a_project_without_dicom_items()
    {
        var world = await new ExportWorld(portal, "segnone").CreateAsync(annotators: 1);
        var manager = await portal.ManagerAsync();
        await ImportApi.ImportAsync(manager, world.Project, ("plain.png", ImportTests.Png(12, 10)));
        await ImportApi.WithAntiforgeryAsync(manager);

        using var response = await manager.PostAsJsonAsync($"/api/projects/{world.Project}/exports", new { formats = new[] { ExportFormats.WeakLabels, ExportFormats.DicomSeg } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(DicomSources.NoneMessage, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static List<(string Name, byte[] Content)> WriteSeries(VolumeGeometry geometry, DicomSeriesIdentity identity)
    {
        var voxels = new short[Columns * Rows * Slices];
        for (var v = 0; v < voxels.Length; v++)
        {
            voxels[v] = (short)(v % 97 * 10 - 300);
        }
        var volume = Volume.FromInt16(geometry, new VolumeMetadata(), voxels);
        var folder = Directory.CreateTempSubdirectory("weakseg-seg-source-").FullName;
        try
        {
            return [.. new GdcmDicomSeriesWriter().Write(volume, folder, identity).Select(p => ($"series/{Path.GetFileName(p)}", File.ReadAllBytes(p)))];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    public void Dispose()
    {
        foreach (var folder in _folders.Where(Directory.Exists))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task<SegDump> DumpAsync(string path)
    {
        var rawFolder = Directory.CreateTempSubdirectory("weakseg-seg-raw-").FullName;
        _folders.Add(rawFolder);
        var (code, text) = await DicomTools.RunAsync("dcmdump", "-q", "+L", "-Un", "+W", rawFolder, path);
        Assert.True(code == 0, text);
        return SegDump.Parse(text, Assert.Single(Directory.GetFiles(rawFolder, "*.raw")));
    }

    /// <summary>What dcmdump printed of a SEG: top-level values, the referenced series' instances, and per frame its source instance, position, segment and dimension index.</summary>
    private sealed record SegDump(List<(int Depth, string Tag, string Value)> Elements, List<SegFrame> Frames, List<string> ReferencedInstances, string RawPixels)
    {
        public string Top(string tag, bool inReferencedSeries = false) =>
            inReferencedSeries
                ? Elements.SkipWhile(e => e.Tag != "0008,1115").Skip(1).TakeWhile(e => e.Depth > 0).Single(e => e.Depth == 2 && e.Tag == tag).Value
                : Elements.Single(e => e.Depth == 0 && e.Tag == tag).Value;

        public List<string> All(string tag) => [.. Elements.Where(e => e.Tag == tag).Select(e => e.Value)];

        public static SegDump Parse(string text, string rawPixels)
        {
            var elements = new List<(int, string, string)>();
            foreach (var line in text.Split('\n'))
            {
                if (Element().Match(line) is { Success: true } m)
                {
                    var value = m.Groups["text"].Success ? m.Groups["text"].Value : m.Groups["plain"].Value.Trim();
                    elements.Add((m.Groups["indent"].Value.Length / 2, m.Groups["tag"].Value.ToLowerInvariant(), value));
                }
            }
            var perFrame = elements.SkipWhile(e => e.Item2 != "5200,9230").Skip(1).ToList();
            var frames = new List<SegFrame>();
            string? instance = null;
            double[]? position = null;
            uint[]? index = null;
            foreach (var (_, tag, value) in perFrame)
            {
                switch (tag)
                {
                    case "0008,1155": instance = value; break;
                    case "0020,9157": index = [.. value.Split('\\').Select(v => uint.Parse(v, CultureInfo.InvariantCulture))]; break;
                    case "0020,0032": position = [.. value.Split('\\').Select(v => double.Parse(v, CultureInfo.InvariantCulture))]; break;
                    case "0062,000b":
                        frames.Add(new SegFrame(instance!, position!, int.Parse(value, CultureInfo.InvariantCulture), index!));
                        break;
                }
            }
            var referenced = elements.SkipWhile(e => e.Item2 != "0008,1115").Skip(1).TakeWhile(e => e.Item1 > 0).Where(e => e.Item2 == "0008,1155").Select(e => e.Item3).ToList();
            return new SegDump(elements, frames, referenced, rawPixels);
        }
    }

    private sealed record SegFrame(string SourceInstance, double[] Position, int Segment, uint[] DimensionIndex);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }

    [GeneratedRegex(@"^(?<indent>\s*)\((?<tag>[0-9a-fA-F]{4},[0-9a-fA-F]{4})\) [A-Z]{2} (?:\[(?<text>[^\]]*)\]|(?<plain>[^#]*))")]
    private static partial Regex Element();
}
