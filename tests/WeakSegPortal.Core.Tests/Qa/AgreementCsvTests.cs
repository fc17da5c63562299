using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

public sealed class AgreementCsvTests
{
    [Fact]
    public void Each_annotator_of_an_item_gets_a_row_and_undefined_figures_are_empty()
    {
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        var item = new ItemAgreementSummary
        {
            Id = Guid.NewGuid(), ItemName = "liver, case \"7\"", Score = 0.25, AnnotatorCount = 2, Kinds = ["box", "scribble"], ClassIds = [1, 2],
            Annotators =
            [
                new(a, 0.5, null, null, 0.75, 3, 1, 12_500, true, new GoldScore(1, null, 0.8)),
                new(b, null, null, null, null, 1, 0, 0, false, null),
            ],
        };
        var empty = new ItemAgreementSummary { Id = Guid.NewGuid(), ItemName = "blank" };

        var lines = AgreementCsv.Write([item, empty]).TrimEnd('\n').Split('\n');

        Assert.Equal(4, lines.Length);
        Assert.Equal(AgreementCsv.Header.Length, lines[0].Split(',').Length);
        Assert.StartsWith($"{item.Id},\"liver, case \"\"7\"\"\",", lines[1], StringComparison.Ordinal);
        Assert.Contains($",{a},0.5,,,0.75,3,1,12.5,true,1,,0.8", lines[1], StringComparison.Ordinal);
        Assert.EndsWith($",{b},,,,,1,0,0,false,,,", lines[2], StringComparison.Ordinal);
        Assert.EndsWith(",,,,,,,,,,,,", lines[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("=HYPERLINK(1)", "'=HYPERLINK(1)")]
    [InlineData("-0.5", "-0.5")]
    [InlineData("plain", "plain")]
    [InlineData("a\nb", "\"a\nb\"")]
    public void Cells_are_quoted_and_never_run_as_formulas(string cell, string expected)
    {
        Assert.Equal(expected, AgreementCsv.Escape(cell));
    }
}
