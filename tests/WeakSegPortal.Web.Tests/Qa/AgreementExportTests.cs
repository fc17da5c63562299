using System.Net;
using System.Text.Json;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>The agreement report downloads, and who may have them.</summary>
public sealed class AgreementExportTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task The_projects_QA_lead_downloads_csv_and_json_with_a_row_per_item_and_annotator()
    {
        var world = await new QaWorld(factory, "exp").CreateAsync("Exports");
        await using var a1 = await world.ConnectAsync(0);
        await using var a2 = await world.ConnectAsync(1);
        await QaWorld.BoxAsync(a1, world.Item, 10, 10, 30, 30);
        await QaWorld.BoxAsync(a2, world.Item, 10, 10, 20, 30);
        await world.SummaryWhenAsync(s => s.AnnotatorCount == 2);
        using var client = await SignIn.AsAsync(factory, world.QaLeadName, QaWorld.Password);

        var csv = await client.GetStringAsync(new Uri($"/api/projects/{world.Project}/agreement.csv", UriKind.Relative));
        var lines = csv.TrimEnd('\n').Split('\n');
        Assert.StartsWith("item_id,item_name,import_id,status,", lines[0], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.All(lines[1..], l => Assert.StartsWith($"{world.Item},case-1,", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(world.Annotators[1].ToString(), StringComparison.Ordinal));

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/projects/{world.Project}/agreement.json", UriKind.Relative)));
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(2, item.GetProperty("annotatorCount").GetInt32());
        Assert.InRange(item.GetProperty("classes")[0].GetProperty("meanBoxIoU").GetDouble(), 0.4, 0.6);
        Assert.Equal(2, json.RootElement.GetProperty("annotators").GetArrayLength());
    }

    [Fact]
    public async Task The_projects_annotators_are_refused_and_QA_leads_of_other_projects_get_the_answer_for_an_unknown_project()
    {
        var world = await new QaWorld(factory, "exp2").CreateAsync("Exports refused");
        await factory.EnsureUserAsync("exp2-other-qa", QaWorld.Password, Roles.QaLead);
        await factory.EnsureUserAsync("exp2-pm", QaWorld.Password, Roles.ProjectManager);
        using var annotator = await SignIn.AsAsync(factory, world.AnnotatorNames[0], QaWorld.Password);
        using var otherQa = await SignIn.AsAsync(factory, "exp2-other-qa", QaWorld.Password);
        using var manager = await SignIn.AsAsync(factory, "exp2-pm", QaWorld.Password);
        var csv = new Uri($"/api/projects/{world.Project}/agreement.csv", UriKind.Relative);
        var json = new Uri($"/api/projects/{world.Project}/agreement.json", UriKind.Relative);

        Assert.Equal(HttpStatusCode.Forbidden, (await annotator.GetAsync(csv)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherQa.GetAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync(json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync(new Uri($"/api/projects/{Guid.NewGuid()}/agreement.csv", UriKind.Relative))).StatusCode);
        using var anonymous = SignIn.NewClient(factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(csv)).StatusCode);
    }
}
