using System.Net;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Account;
using WeakSegPortal.Web.Guidelines;
using WeakSegPortal.Web.Tests.Infrastructure;

namespace WeakSegPortal.Web.Tests.Projects;

public sealed class GuidelineExampleTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==");

    private async Task<(Guid Project, Guid Example)> ProjectWithExampleAsync()
    {
        var member = await factory.EnsureUserAsync("guide-member", "guide-pw", Roles.Annotator);
        await factory.EnsureUserAsync("guide-outsider", "guide-pw", Roles.Annotator);
        var project = await TestData.ProjectAsync(factory.Services, TestData.Draft($"Guides {Guid.NewGuid():N}"), new ProjectMember(member, ProjectRole.Annotator));
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>().AddAsync(project, new MemoryStream(Png), "A tight box", Guid.Empty, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Values));
        return (project, result.Id);
    }

    [Fact]
    public async Task An_example_image_is_served_to_the_team_and_refused_to_others()
    {
        var (project, example) = await ProjectWithExampleAsync();
        using var member = await SignIn.AsAsync(factory, "guide-member", "guide-pw");
        using var response = await member.GetAsync(new Uri($"/api/projects/{project}/examples/{example}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await response.Content.ReadAsByteArrayAsync());
        using var outsider = await SignIn.AsAsync(factory, "guide-outsider", "guide-pw");
        using var refused = await outsider.GetAsync(new Uri($"/api/projects/{project}/examples/{example}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_and_nothing_is_added()
    {
        var (project, _) = await ProjectWithExampleAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<GuidelineImageIntake>()
            .AddAsync(project, new MemoryStream("<svg onload=alert(1)>"u8.ToArray()), "sneaky", Guid.Empty, CancellationToken.None);
        Assert.Equal("Only PNG and JPEG images can be examples.", result.Errors["Image"]);
        var loaded = await ProjectQueries.LoadAsync(scope.ServiceProvider.GetRequiredService<Marten.IQuerySession>(), project, CancellationToken.None);
        Assert.Single(loaded!.Value.Project.Examples);
    }
}
