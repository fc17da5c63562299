using System.Net;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Qa;

/// <summary>Who may open the QA desk's pages.</summary>
public sealed class QaPageAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("/qa")]
    [InlineData("/qa/annotators")]
    public async Task QA_leads_and_managers_open_the_QA_pages_and_annotators_are_sent_away(string path)
    {
        await factory.EnsureUserAsync("page-qa", "page-password", Roles.QaLead);
        await factory.EnsureUserAsync("page-pm", "page-password", Roles.ProjectManager);
        await factory.EnsureUserAsync("page-ann", "page-password", Roles.Annotator);
        using var qa = await SignIn.AsAsync(factory, "page-qa", "page-password");
        using var pm = await SignIn.AsAsync(factory, "page-pm", "page-password");
        using var annotator = await SignIn.AsAsync(factory, "page-ann", "page-password");
        var uri = new Uri(path, UriKind.Relative);

        Assert.Equal(HttpStatusCode.OK, (await qa.GetAsync(uri)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pm.GetAsync(uri)).StatusCode);
        using var refused = await annotator.GetAsync(uri);
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/access-denied", refused.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scorecards_page_opens_for_a_project_that_has_no_scorecards_yet()
    {
        var qa = await factory.EnsureUserAsync("empty-qa", "page-password", Roles.QaLead);
        var annotator = await factory.EnsureUserAsync("empty-ann", "page-password", Roles.Annotator);
        await TestData.ProjectAsync(factory.Services, TestData.Draft("Nobody labelled yet"),
            new WeakSegPortal.Core.Projects.ProjectMember(qa, WeakSegPortal.Core.Projects.ProjectRole.QaLead),
            new WeakSegPortal.Core.Projects.ProjectMember(annotator, WeakSegPortal.Core.Projects.ProjectRole.Annotator));
        using var client = await SignIn.AsAsync(factory, "empty-qa", "page-password");
        using var page = await client.GetAsync(new Uri("/qa/annotators", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("No annotator has labelled an item of this project yet.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
