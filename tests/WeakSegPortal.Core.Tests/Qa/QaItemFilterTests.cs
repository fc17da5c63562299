using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

public sealed class QaItemFilterTests
{
    private static readonly Guid Ann = Guid.NewGuid();
    private static readonly Guid Import = Guid.NewGuid();

    private static readonly ItemAgreementSummary[] Items =
    [
        new() { ItemName = "b", Score = 0.9, ClassIds = [1], Kinds = ["box"], AnnotatorIds = [Ann], ImportId = Import },
        new() { ItemName = "a", Score = 0.2, ClassIds = [2], Kinds = ["scribble"], Assisted = true },
        new() { ItemName = "c", Score = 0.5, ClassIds = [1, 2], Kinds = ["box", "point"], AnnotatorIds = [Ann] },
    ];

    [Fact]
    public void Without_filters_items_come_lowest_agreement_first()
    {
        Assert.Equal(["a", "c", "b"], new QaItemFilter().Apply(Items).Select(i => i.ItemName));
    }

    [Theory]
    [InlineData(1, null, false, null, "c,b")]
    [InlineData(null, "box", false, null, "c,b")]
    [InlineData(null, null, true, null, "c,b")]
    [InlineData(null, null, false, true, "a")]
    [InlineData(null, null, false, false, "c,b")]
    [InlineData(2, "point", true, false, "c")]
    public void Filters_combine(int? classId, string? kind, bool byAnnotator, bool? assisted, string expected)
    {
        var filter = new QaItemFilter(ClassId: classId, Kind: kind, AnnotatorId: byAnnotator ? Ann : null, Assisted: assisted);
        Assert.Equal(expected, string.Join(',', filter.Apply(Items).Select(i => i.ItemName)));
    }

    [Fact]
    public void The_import_filter_keeps_that_import_only()
    {
        Assert.Equal(["b"], new QaItemFilter(ImportId: Import).Apply(Items).Select(i => i.ItemName));
    }
}
