using System.Text.RegularExpressions;
using Marten;
using WeakSegPortal.Core.Items;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.DataImport;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Security;

/// <summary>
/// Patient data stays with managers: items imported with telling file names (a patient's name, an MRN, a date) and a
/// DICOM file are walked through every route and hub method of the matrix as their annotator and their QA lead; no
/// answer carries a source file name or a DICOM UID, while a manager's item answer does (so the check can fail).
/// </summary>
public sealed partial class PatientDataTests(ImportPortalFactory portal) : IClassFixture<ImportPortalFactory>
{
    private const string Password = "patient-data-pw-1";
    private static readonly string[] Names = ["DOE-JOHN_MRN4471920_20240131.png", "ROE-JANE_MRN5582031_20231105.dcm"];

    [Fact]
    public async Task No_answer_to_an_annotator_or_qa_lead_carries_a_source_name_or_uid_while_a_managers_does()
    {
        var annotator = await portal.EnsureUserAsync("pd-annotator", Password, Roles.Annotator);
        var qaLead = await portal.EnsureUserAsync("pd-qa", Password, Roles.QaLead);
        var project = await TestData.ProjectAsync(portal.Services, TestData.Draft($"Patient data {Guid.NewGuid():N}", annotatorsPerItem: 1),
            new ProjectMember(annotator, ProjectRole.Annotator), new ProjectMember(qaLead, ProjectRole.QaLead));
        var manager = await portal.ManagerAsync();
        var dicom = await File.ReadAllBytesAsync(DebianTestFiles.Pydicom("CT_small.dcm"));
        var report = await ImportApi.ImportAsync(manager, project, (Names[0], ImportTests.Png(24, 16)), (Names[1], dicom));
        Assert.All(report.Files, f => Assert.True(f.Accepted, f.Message));
        var items = await ImportApi.ItemsAsync(portal.Services, project);
        Assert.Equal(2, items.Count);
        var dicomItem = items.Single(i => i.Source!.FileName == Names[1]);
        Assert.NotEmpty(dicomItem.Source!.SopInstanceUids!);
        var markers = Names.SelectMany(n => new[] { n, Path.GetFileNameWithoutExtension(n), n[..8] })
            .Concat([dicomItem.Source.SeriesInstanceUid!, dicomItem.Source.StudyInstanceUid!, .. dicomItem.Source.SopInstanceUids!])
            .ToList();
        Assert.All(items, i => Assert.Matches(Pseudonym(), i.Name));
        foreach (var _ in items)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<NextItemHandler>().HandleAsync(new NextItem(project, annotator), CancellationToken.None);
        }

        var probe = new MatrixProbe(portal);
        var calls = new List<MatrixCall>();
        foreach (var item in items)
        {
            var ids = new MatrixIds(project, item.Id, await probe.ExampleAsync(project), await probe.ModelVersionAsync(project), await probe.ExportAsync(project));
            foreach (var (caller, user) in new[] { (Caller.Annotator, "pd-annotator"), (Caller.QaLead, "pd-qa") })
            {
                var cookie = await HubClients.CookieAsync(portal, user, Password);
                foreach (var (key, rule) in AuthorizationMatrix.Routes.Where(r => r.Key != MatrixProbe.SignOut))
                {
                    calls.Add(await probe.RouteAsync(key, rule, caller, Target.Own, ids, cookie));
                }
                calls.AddRange(await probe.HubCallsAsync(caller, Target.Own, ids, cookie));
            }
        }

        // The walk reached the item: the annotator's item answer and workspace were served, under the pseudonym.
        Assert.Contains(calls, c => c is { Caller: Caller.Annotator, Key: "GET /api/items/{itemId:guid}", Served: true } && NamedByPseudonym().IsMatch(c.Body));
        var leaks = calls.SelectMany(c => markers.Where(m => c.Body.Contains(m, StringComparison.OrdinalIgnoreCase)).Select(m => $"{c.Caller} {c.Key} carries {m}")).ToList();
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        var managersAnswer = await manager.GetStringAsync(new Uri($"/api/items/{dicomItem.Id}", UriKind.Relative));
        Assert.Contains(Names[1], managersAnswer, StringComparison.Ordinal);
        Assert.Contains(dicomItem.Source.SopInstanceUids![0], managersAnswer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Items_are_numbered_per_project_under_its_short_name_and_keep_their_source_for_managers()
    {
        var project = await TestData.ProjectAsync(portal.Services, TestData.Draft("Liver Trial"));
        var manager = await portal.ManagerAsync();
        await ImportApi.ImportAsync(manager, project, ("first.png", ImportTests.Png(8, 8)));
        await ImportApi.ImportAsync(manager, project, ("second.png", ImportTests.Png(9, 8)), ("third.png", ImportTests.Png(10, 8)));

        var items = (await ImportApi.ItemsAsync(portal.Services, project)).OrderBy(i => i.Name, StringComparer.Ordinal).ToList();
        Assert.Equal(["LT-0001", "LT-0002", "LT-0003"], items.Select(i => i.Name));
        Assert.Equal("first.png", items[0].Source!.FileName);
        Assert.Equal(["second.png", "third.png"], items.Skip(1).Select(i => i.Source!.FileName).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("^[A-Z0-9]{1,4}-[0-9]{4,}$")]
    private static partial Regex Pseudonym();

    [GeneratedRegex("\"name\":\"[A-Z0-9]{1,4}-[0-9]{4,}\"")]
    private static partial Regex NamedByPseudonym();
}
