using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Components.Pages.Annotate;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Components;

/// <summary>The annotate page rendered by bUnit over the real services and database of a test portal.</summary>
public sealed class AnnotatePageTests(PortalFactory factory) : MudComponentTest, IClassFixture<PortalFactory>
{
    private BunitAuthorizationContext? _auth;

    protected override void ConfigureServices()
    {
        // The page's use cases over the test portal's real document store.
        var store = factory.Services.GetRequiredService<Marten.IDocumentStore>();
        Context.Services.AddScoped(_ => store.QuerySession());
        Context.Services.AddScoped(_ => store.LightweightSession());
        Context.Services.AddSingleton(TimeProvider.System);
        Context.Services.AddSingleton(new WeakSegPortal.Core.Items.GoldDraw());
        Context.Services.AddScoped<WeakSegPortal.Core.Items.NextItemHandler>();
        Context.Services.AddScoped<WeakSegPortal.Core.Items.FinishItemHandler>();
        Context.Services.AddScoped<WeakSegPortal.Core.Training.AutoTraining>();
        Context.Services.AddScoped<WeakSegPortal.Core.Training.RequestTrainingHandler>();
        _auth = Context.AddAuthorization();
    }

    private void SignedInAs(Guid userId, string name)
    {
        var auth = _auth!;
        auth.SetAuthorized(name);
        auth.SetRoles(Roles.Annotator);
        auth.SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, userId.ToString()));
    }

    [Fact]
    public async Task An_annotator_outside_the_team_is_told_so()
    {
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("bUnit closed"));
        SignedInAs(Guid.NewGuid(), "outsider");
        var page = Context.Render<Annotate>(p => p.Add(a => a.ProjectId, project));
        page.WaitForAssertion(() => Assert.Contains("You are not an annotator of this project.", page.Markup, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_empty_queue_says_so_and_mounts_no_workspace()
    {
        var me = Guid.NewGuid();
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft("bUnit empty"), new ProjectMember(me, ProjectRole.Annotator));
        SignedInAs(me, "ann");
        var page = Context.Render<Annotate>(p => p.Add(a => a.ProjectId, project));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=queue-empty]")), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=workspace]"));
    }

    [Fact]
    public async Task The_next_item_is_shown_with_the_guidelines_and_the_workspace_is_mounted()
    {
        var me = Guid.NewGuid();
        var draft = TestData.Draft("bUnit next");
        draft.Guidelines = "Box the liver on its largest slice.";
        var project = await TestData.ProjectAsync(factory.Services, draft, new ProjectMember(me, ProjectRole.Annotator));
        var item = await TestData.ItemAsync(factory.Services, project, "case-042");
        SignedInAs(me, "ann");
        var mount = Context.JSInterop.SetupModule("./js/workspace-host.js");
        mount.Setup<bool>("mount", _ => true).SetResult(true);
        var page = Context.Render<Annotate>(p => p.Add(a => a.ProjectId, project));
        page.WaitForAssertion(() => Assert.Equal("case-042", page.Find("[data-testid=item-name]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Equal(item.ToString(), page.Find("[data-testid=workspace]").GetAttribute("data-item-id"));
        Assert.Contains("Box the liver on its largest slice.", page.Find("[data-testid=guidelines]").TextContent, StringComparison.Ordinal);
        // The annotator's place in the queue, counted after the item was handed out; the only item, so the first of one.
        Assert.Equal("Item 1 of 1 · 1 left", page.Find("[data-testid=queue-progress]").TextContent);
        // One save indicator, the workspace's own: the page renders none (its circuit is down whenever the line is).
        Assert.Empty(page.FindAll("[data-testid=save-status]"));
        Assert.NotNull(page.Find("[data-testid=finish-wait][hidden]"));
        page.WaitForAssertion(() => Assert.Single(mount.Invocations, i => i.Identifier == "mount"), TimeSpan.FromSeconds(10));
        // The signed-in user's id scopes the browser's outbox (one per user).
        var options = mount.Invocations.Single(i => i.Identifier == "mount").Arguments[1]!;
        Assert.Equal(me, options.GetType().GetProperty("userId")!.GetValue(options));
    }
}
