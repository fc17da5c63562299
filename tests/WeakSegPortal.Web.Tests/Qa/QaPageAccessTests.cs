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
}
