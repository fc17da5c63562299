using Bunit;
using WeakSegPortal.Core.Annotations;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Web.Components.Qa;

namespace WeakSegPortal.Web.Tests.Components;

/// <summary>The QA item page lists each annotator's 3D consistency findings and takes the lead to the slice.</summary>
public sealed class QaConsistencyPanelTests : MudComponentTest
{
    private static readonly Guid Ann = Guid.NewGuid();

    private static StoredAnnotation Boxed(int slice) =>
        new(Guid.NewGuid(), Guid.NewGuid(), AnnotationKinds.Box, new Box2D(10, 10, 20, 20, slice, 1), null, null, null, Provenance.Manual, 0, DateTimeOffset.UtcNow);

    private IRenderedComponent<QaConsistencyPanel> Render(params StoredAnnotation[] annotations) =>
        Context.Render<QaConsistencyPanel>(p => p
            .Add(x => x.Labels, [new AnnotatorItemLabels { AnnotatorId = Ann, Annotations = [.. annotations] }])
            .Add(x => x.Names, new Dictionary<Guid, string> { [Ann] = "ann-a" })
            .Add(x => x.Grid, new Grid(32, 32, 20))
            .Add(x => x.ClassName, id => id == 1 ? "Liver" : "other")
            .Add(x => x.OnSlice, (int slice) => Shown.Add(slice)));

    private List<int> Shown { get; } = [];

    [Fact]
    public void A_skipped_slice_is_listed_with_whose_labels_and_its_button_shows_the_slice()
    {
        var panel = Render(Boxed(4), Boxed(6));

        var finding = panel.Find("[data-testid=consistency-finding]");
        Assert.Equal("box-gap", finding.GetAttribute("data-rule"));
        Assert.Contains("ann-a", finding.TextContent, StringComparison.Ordinal);
        Assert.Contains("Liver is boxed on slices k=4 and 6 but not on slice k=5", finding.TextContent, StringComparison.Ordinal);
        panel.Find("button[aria-label='Show slice 5']").Click();
        Assert.Equal([5], Shown);
    }

    [Fact]
    public void Consistent_labels_say_so()
    {
        var panel = Render(Boxed(4), Boxed(5));

        Assert.Empty(panel.FindAll("[data-testid=consistency-finding]"));
        Assert.Contains("No problems across slices", panel.Find("[data-testid=consistency-none]").TextContent, StringComparison.Ordinal);
    }
}
