using Bunit;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Web.Components.Pages.Manage;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Tests.Components;

/// <summary>The handler's refusal of an edit that would orphan labels shows on the form beside the classes and the types.</summary>
public sealed class SchemaOrphanFormTests : MudComponentTest
{
    protected override void ConfigureServices() => Context.Services.AddSingleton(new WorkerRegistry());

    [Fact]
    public void The_reason_an_edit_would_orphan_labels_shows_beside_the_classes_and_the_types()
    {
        var project = new Project { Id = Guid.NewGuid(), Classes = [new LabelClass(1, "Liver", "#ff0000")], AllowedKinds = [AnnotationKind.Box, AnnotationKind.Point] };
        var changes = new object[]
        {
            new LabelClassRetired(project.Id, 1, Guid.Empty, DateTimeOffset.UtcNow),
            new AllowedAnnotationKindsChanged(project.Id, [AnnotationKind.Point], Guid.Empty, DateTimeOffset.UtcNow),
        };
        var labels = new LabelsInUse(new Dictionary<int, int> { [1] = 3 }, new Dictionary<AnnotationKind, int> { [AnnotationKind.Box] = 3 });
        var errors = SchemaOrphanRule.Check(project, changes, labels);

        var form = Context.Render<ProjectForm>(p => p
            .Add(f => f.Draft, new ProjectDraft { Name = "Abdomen", Classes = [], AllowedKinds = [AnnotationKind.Point] })
            .Add(f => f.ServerErrors, errors)
            .Add(f => f.OnSave, _ => { }));

        Assert.Contains("\"Liver\" has 3 labels", form.Find("[data-testid=classes-error]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Box (3 labels)", form.Find("[data-testid=kinds-error]").TextContent, StringComparison.Ordinal);
    }
}
