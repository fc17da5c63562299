using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Exports;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Tests.DataImport;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Exports;

/// <summary>
/// Exports end to end through the HTTP API and the background runner, checked by independent readers: nibabel reads the
/// NIfTI masks' affine against the imported source file's, a COCO decoder written from the format's rules reads the RLE
/// masks against the PNG masks, the weak labels go back into another project unchanged, and <c>weakseg agreement</c> on the
/// exported file gives the QA desk's figures.
/// </summary>
public sealed class ExportTests(ImportPortalFactory portal) : IClassFixture<ImportPortalFactory>
{
    private const string AnatomicalNifti = "/usr/lib/python3/dist-packages/nibabel/tests/data/anatomical.nii";

    private const string NiftiCheck = """
        import sys, json
        import numpy as np, nibabel as nb
        src = nb.load(sys.argv[1]); labels = json.load(open(sys.argv[2])); out = {"files": []}
        for path in sys.argv[3:]:
            img = nb.load(path)
            data = np.asarray(img.dataobj)
            out["files"].append({"affine_error": float(np.max(np.abs(img.affine - src.affine))), "shape": list(img.shape),
                                 "sform_code": int(img.get_sform(coded=True)[1]), "dtype": str(img.get_data_dtype()),
                                 "values": sorted(int(v) for v in np.unique(data)),
                                 "at": {f"{x},{y},{k}": int(data[x, y, k]) for x, y, k in [(10, 12, 5), (3, 3, 5), (10, 12, 6)]}})
        errors = []
        for item in labels["items"]:
            for a in item["annotators"]:
                for l in a["labels"]:
                    for v, w in zip(l.get("voxel") or [], l.get("world") or []):
                        ras = src.affine @ np.array([v[0], v[1], l["slice"], 1.0])
                        errors.append(float(np.max(np.abs(np.array([-ras[0], -ras[1], ras[2]]) - np.array(w)))))
        out["world_points"] = len(errors); out["world_error"] = max(errors) if errors else None
        print(json.dumps(out))
        """;

    private const string CocoCheck = """
        import sys, json, os
        import numpy as np
        from PIL import Image
        coco = json.load(open(sys.argv[1])); folder = sys.argv[2]; problems = []
        def decode(s, h, w):
            # pycocotools' rleFrString, from the format's description.
            counts = []; p = 0
            while p < len(s):
                x = 0; k = 0; more = 1
                while more:
                    c = ord(s[p]) - 48; x |= (c & 0x1f) << (5 * k); more = c & 0x20; p += 1; k += 1
                    if not more and (c & 0x10): x |= -1 << (5 * k)
                if len(counts) > 2: x += counts[-2]
                counts.append(x)
            flat = np.zeros(h * w, dtype=np.uint8); at = 0; value = 0
            for c in counts:
                if c < 0: problems.append("negative run")
                flat[at:at + c] = value; at += c; value = 1 - value
            if at != h * w: problems.append(f"runs cover {at} of {h * w} pixels")
            return flat.reshape((w, h)).T  # column-major: y runs fastest
        for key in ["images", "annotations", "categories"]:
            if not isinstance(coco.get(key), list): problems.append(f"no {key} list")
        images = {i["id"]: i for i in coco["images"]}; categories = {c["id"] for c in coco["categories"]}
        if len(images) != len(coco["images"]): problems.append("image ids repeat")
        ids = [a["id"] for a in coco["annotations"]]
        if len(set(ids)) != len(ids): problems.append("annotation ids repeat")
        for a in coco["annotations"]:
            img = images.get(a["image_id"])
            if img is None: problems.append(f"annotation {a['id']} names no image"); continue
            if a["category_id"] not in categories: problems.append(f"annotation {a['id']} names no category")
            seg = a["segmentation"]; h, w = img["height"], img["width"]
            if seg["size"] != [h, w]: problems.append(f"size {seg['size']} is not [height, width] [{h}, {w}]")
            if a["iscrowd"] != 1: problems.append("an RLE segmentation needs iscrowd 1")
            mask = decode(seg["counts"], h, w)
            png = np.asarray(Image.open(os.path.join(folder, "png", img["weakseg_item_id"], "consensus.png")))
            if png.shape != (h, w): problems.append(f"png shape {png.shape}")
            if not np.array_equal(mask.astype(bool), png == a["category_id"]): problems.append(f"annotation {a['id']} differs from the PNG mask")
            ys, xs = np.nonzero(mask)
            if a["area"] != int(mask.sum()): problems.append(f"area {a['area']} is not {int(mask.sum())}")
            bbox = [int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)]
            if a["bbox"] != bbox: problems.append(f"bbox {a['bbox']} is not {bbox}")
        print(json.dumps({"annotations": len(coco["annotations"]), "problems": problems}))
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly string[] WeakLabelsOnly = [ExportFormats.WeakLabels];

    [Fact]
    public async Task Nifti_masks_carry_the_imported_volumes_affine_as_nibabel_reads_it_and_world_coordinates_follow_it()
    {
        var world = await new ExportWorld(portal, "nx").CreateAsync(annotators: 2);
        var manager = await portal.ManagerAsync();
        var report = await ImportApi.ImportAsync(manager, world.Project, ImportApi.File(AnatomicalNifti));
        var item = Assert.Single(report.Files).ItemId!.Value;
        await world.AssignAsync(item);
        var liver = await ClassAsync(world, "Liver");
        foreach (var annotator in new[] { 0, 1 })
        {
            await world.LabelAsync(annotator, ExportWorld.Scribble(item, liver, 5, [8, 12], [12, 12]));
            await world.LabelAsync(annotator, ExportWorld.Point(item, liver, 5, 10.5, 20.25));
            await world.LabelAsync(annotator, ExportWorld.Box(item, liver, 6, 2, 2, 20, 30));
        }

        var folder = await ExportApi.ExportAsync(manager, world.Project, ExportFormats.Nifti);

        var files = new[] { "consensus", $"annotator-{world.Annotators[0]}", $"annotator-{world.Annotators[1]}" }
            .Select(n => Path.Combine(folder, "nifti", item.ToString(), $"{n}.nii.gz")).ToArray();
        var check = await PythonOracle.RunAsync(NiftiCheck, [AnatomicalNifti, Path.Combine(folder, "weak-labels.json"), .. files]);
        foreach (var file in check.GetProperty("files").EnumerateArray())
        {
            Assert.True(file.GetProperty("affine_error").GetDouble() < 1e-4, file.ToString());
            Assert.Equal([33, 41, 25], file.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()));
            Assert.Equal(1, file.GetProperty("sform_code").GetInt32());
            Assert.Equal("uint8", file.GetProperty("dtype").GetString());
            // The scribble's voxel is the class; a voxel nobody labelled and the box's slice (a box is no mask) are not.
            Assert.Equal(liver, file.GetProperty("at").GetProperty("10,12,5").GetInt32());
            Assert.Equal(0, file.GetProperty("at").GetProperty("3,3,5").GetInt32());
            Assert.Equal(0, file.GetProperty("at").GetProperty("10,12,6").GetInt32());
        }
        // 2 annotators × (2 scribble points + 1 point + 2 box corners), each within 0.1 µm of nibabel's affine (RAS → LPS).
        Assert.Equal(10, check.GetProperty("world_points").GetInt32());
        Assert.True(check.GetProperty("world_error").GetDouble() < 1e-4, check.ToString());
    }

    [Fact]
    public async Task Coco_masks_follow_the_formats_rle_rules_and_match_the_png_masks()
    {
        var world = await new ExportWorld(portal, "co").CreateAsync(annotators: 3);
        var manager = await portal.ManagerAsync();
        var item = await TestData.ItemAsync(portal.Services, world.Project, "photo-1", nx: 40, ny: 30, nz: 1);
        await world.AssignAsync(item);
        var (liver, lesion) = (await ClassAsync(world, "Liver"), await ClassAsync(world, "Lesion"));
        foreach (var annotator in new[] { 0, 1, 2 })
        {
            // Vertical and horizontal strokes, so a row-major code would not decode to the same mask.
            await world.LabelAsync(annotator, ExportWorld.Scribble(item, liver, 0, [5, 2], [5, 25], [12, 25]));
            await world.LabelAsync(annotator, ExportWorld.Scribble(item, lesion, 0, [30, 3 + annotator], [36, 10]));
        }

        var folder = await ExportApi.ExportAsync(manager, world.Project, ExportFormats.Png, ExportFormats.Coco);

        var check = await PythonOracle.RunAsync(CocoCheck, Path.Combine(folder, "coco.json"), folder);
        Assert.Equal(2, check.GetProperty("annotations").GetInt32());
        Assert.Empty(check.GetProperty("problems").EnumerateArray());
        Assert.True(File.Exists(Path.Combine(folder, "png", item.ToString(), $"annotator-{world.Annotators[2]}.png")));
    }

    [Fact]
    public async Task Exported_weak_labels_import_into_another_project_without_loss_and_only_once()
    {
        var source = await new ExportWorld(portal, "rt").CreateAsync(annotators: 2);
        var manager = await portal.ManagerAsync();
        var item = await TestData.ItemAsync(portal.Services, source.Project, "case-rt", nx: 48, ny: 40, nz: 6);
        await source.AssignAsync(item);
        var liver = await ClassAsync(source, "Liver");
        await source.LabelAsync(0, ExportWorld.Box(item, liver, 2, 4, 5, 30.5, 22));
        await source.LabelAsync(0, ExportWorld.Scribble(item, liver, 2, [10, 10], [14.25, 11], [18, 15]));
        await source.LabelAsync(0, ExportWorld.Tag(item, liver, present: false, slice: 4));
        await source.LabelAsync(1, ExportWorld.Point(item, liver, 3, 7, 9, positive: false));
        await source.LabelAsync(1, ExportWorld.Tag(item, liver, present: true));
        await AppendAcceptedMaskAsync(item, source.Annotators[1], liver);
        await source.SubmitAsync(item, 0);

        var folder = await ExportApi.ExportAsync(manager, source.Project);
        var target = await new ExportWorld(portal, "rt2").CreateAsync(annotators: 1);
        var copy = await SameImageAsync(item, target.Project);
        var body = await File.ReadAllBytesAsync(Path.Combine(folder, "weak-labels.json"));

        var first = await ImportLabelsAsync(manager, target.Project, body);
        var second = await ImportLabelsAsync(manager, target.Project, body);

        Assert.Equal((1, 6, 0), (first.Items, first.Labels, first.AlreadyThere));
        Assert.Equal((1, 0, 6), (second.Items, second.Labels, second.AlreadyThere));
        foreach (var annotator in source.Annotators)
        {
            Assert.Equal(await LabelsAsync(item, annotator), await LabelsAsync(copy, annotator));
        }
        var copied = await source.LoadAsync<ItemView>(copy);
        Assert.Equal([source.Annotators[0]], copied!.SubmittedBy);
    }

    [Fact]
    public async Task Weakseg_agreement_on_an_exported_file_gives_the_qa_desks_figures_and_the_export_is_audited()
    {
        var world = await new ExportWorld(portal, "ag").CreateAsync(annotators: 3);
        var manager = await portal.ManagerAsync();
        var item = await TestData.ItemAsync(portal.Services, world.Project, "case-ag", nx: 64, ny: 48, nz: 8);
        await world.AssignAsync(item);
        var (liver, lesion) = (await ClassAsync(world, "Liver"), await ClassAsync(world, "Lesion"));
        await world.LabelAsync(0, ExportWorld.Box(item, liver, 3, 10, 10, 40, 30));
        await world.LabelAsync(1, ExportWorld.Box(item, liver, 3, 12, 8, 42, 33));
        await world.LabelAsync(2, ExportWorld.Box(item, liver, 3, 30, 20, 60, 45));
        await world.LabelAsync(0, ExportWorld.Scribble(item, lesion, 4, [20, 20], [30, 22]));
        await world.LabelAsync(1, ExportWorld.Scribble(item, lesion, 4, [21, 19], [29, 24]));
        await world.LabelAsync(2, ExportWorld.Scribble(item, liver, 4, [22, 21], [28, 21]));
        await world.LabelAsync(0, ExportWorld.Tag(item, lesion, present: true));
        await world.LabelAsync(1, ExportWorld.Tag(item, lesion, present: true));
        await world.LabelAsync(2, ExportWorld.Tag(item, lesion, present: false));
        var desk = await Eventually.GetAsync(() => world.LoadAsync<ItemAgreementSummary>(item), s => s.AnnotatorCount == 3 && s.Annotators.Sum(a => a.Annotations) == 9);

        var folder = await ExportApi.ExportAsync(manager, world.Project);
        var offline = await AgreementCliAsync(Path.Combine(folder, "weak-labels.json"));

        var row = Assert.Single(offline.GetProperty("items").EnumerateArray());
        Assert.Equal(desk.Score, row.GetProperty("score").GetDouble(), 12);
        Assert.Equal(desk.ClassIds, row.GetProperty("classIds").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(desk.TagAlpha, Number(row, "tagAlpha"));
        foreach (var annotator in desk.Annotators)
        {
            var mine = row.GetProperty("annotators").EnumerateArray().Single(a => a.GetProperty("raterId").GetString() == annotator.AnnotatorId.ToString());
            Assert.Equal(annotator.DiceWithConsensus, Number(mine, "diceWithConsensus"));
            Assert.Equal(annotator.BoxConsensusIoU, Number(mine, "boxConsensusIoU"));
            Assert.Equal(annotator.ScribblePrecision, Number(mine, "scribblePrecision"));
            Assert.Equal(annotator.Agreement, Number(mine, "agreement"));
        }
        Assert.Equal(3, offline.GetProperty("annotators").GetArrayLength());

        // The export's stream is its audit trail: who asked, that it was written, who downloaded it.
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        var export = (await session.Query<ProjectExport>().Where(e => e.ProjectId == world.Project).ToListAsync()).Single();
        var events = (await session.Events.FetchStreamAsync(export.Id)).Select(e => e.Data).ToList();
        var managerId = await portal.EnsureUserAsync(ImportPortalFactory.ManagerName, ImportPortalFactory.ManagerPassword, "ProjectManager");
        Assert.Equal(managerId, Assert.IsType<ExportRequested>(events[0]).By);
        Assert.Contains(events, e => e is ExportCompleted);
        Assert.Equal(managerId, Assert.Single(events.OfType<ExportDownloaded>()).By);
    }

    [Fact]
    public async Task Only_managers_start_list_and_download_exports()
    {
        var world = await new ExportWorld(portal, "au").CreateAsync(annotators: 1);
        var manager = await portal.ManagerAsync();
        var id = await ExportApi.StartAsync(manager, world.Project, ExportFormats.WeakLabels);
        await ExportApi.EndedAsync(manager, world.Project, id);
        var annotator = await portal.AnnotatorAsync();
        await ImportApi.WithAntiforgeryAsync(annotator);

        using var start = await annotator.PostAsJsonAsync($"/api/projects/{world.Project}/exports", new { formats = WeakLabelsOnly });
        using var list = await annotator.GetAsync(new Uri($"/api/projects/{world.Project}/exports", UriKind.Relative));
        using var download = await annotator.GetAsync(new Uri($"/api/projects/{world.Project}/exports/{id}/download", UriKind.Relative));

        Assert.All(new[] { start, list, download }, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Unauthorized, HttpStatusCode.Redirect, HttpStatusCode.Found }));
        var export = await world.LoadAsync<ProjectExport>(id);
        Assert.Equal(0, export!.Downloads);
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static async Task<int> ClassAsync(ExportWorld world, string name) =>
        (await world.LoadAsync<ProjectSummary>(world.Project))!.Classes.Single(c => c.Name == name).Id;

    private static async Task<WeakLabelImportReport> ImportLabelsAsync(HttpClient manager, Guid project, byte[] body)
    {
        await ImportApi.WithAntiforgeryAsync(manager);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        using var response = await manager.PostAsync(new Uri($"/api/projects/{project}/labels", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<WeakLabelImportReport>(Json))!;
    }

    /// <summary>The annotator's labels on an item, each as JSON without its id (ids differ by design on another item), in order.</summary>
    private async Task<List<string>> LabelsAsync(Guid item, Guid annotator)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var labels = await AnnotationRecords.OfAsync(scope.ServiceProvider.GetRequiredService<IQuerySession>(), item, annotator, CancellationToken.None);
        return [.. labels.Annotations.OrderBy(a => a.At).ThenBy(a => a.CommandId).Select(a => JsonSerializer.Serialize(a with { AnnotationId = Guid.Empty }, Json))];
    }

    /// <summary>An accepted suggestion with its full provenance, as the hub stores it after a Suggest round trip.</summary>
    private async Task AppendAcceptedMaskAsync(Guid item, Guid annotator, int classId)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var mask = new SliceMask(48, 40, MaskRle.Encode([.. Enumerable.Range(0, 48 * 40).Select(v => v % 48 is > 20 and < 30 && v / 48 is > 10 and < 20)]), 3, classId);
        var provenance = new Provenance(Provenance.SuggestionSource, "grabcut-box", "opencv-4.13", """{"box":[20,10,30,20]}""", Guid.NewGuid(), Guid.NewGuid());
        var id = Guid.NewGuid();
        session.Events.Append(AnnotationStreams.For(item, annotator), new MaskPainted(id, item, annotator, Guid.NewGuid(), mask, provenance, 1200, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
    }

    /// <summary>The same image registered in another project (same voxels, so the same content hash).</summary>
    private async Task<Guid> SameImageAsync(Guid item, Guid project)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        var original = (await session.LoadAsync<ItemView>(item))!;
        var id = Guid.CreateVersion7();
        session.Events.StartStream<ItemView>(id, new ItemRegistered(id, project, Guid.Empty, "copy", original.Modality, original.Geometry, original.VolumeKey, original.ContentHash, null, Guid.Empty, DateTimeOffset.UtcNow));
        await session.SaveChangesAsync();
        return id;
    }

    private static async Task<JsonElement> AgreementCliAsync(string labels)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "weakseg.dll"));
        start.ArgumentList.Add("agreement");
        start.ArgumentList.Add(labels);
        start.ArgumentList.Add("--format");
        start.ArgumentList.Add("json");
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return JsonDocument.Parse(await stdout).RootElement.Clone();
    }
}
