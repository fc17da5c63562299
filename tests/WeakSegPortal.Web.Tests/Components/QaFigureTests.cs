using Bunit;
using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;
using WeakSegPortal.Web.Components.Qa;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Tests.Components;

/// <summary>The QA figures explain themselves, and an undefined κ/α says so instead of printing 0.</summary>
public sealed class QaFigureTests : MudComponentTest
{
    [Fact]
    public void Tags_everyone_rated_alike_read_undefined_with_full_percent_agreement_not_zero()
    {
        var tags = new WeakLabels { Tags = [new Tag(1, true), new Tag(1, true, 2)] };
        var result = TagAgreement.Compute([tags, tags]);

        var line = Context.Render<TagAgreementLine>(p => p.Add(x => x.Tags, result));

        Assert.Equal("α undefined: all ratings identical", line.Find("[data-testid=tag-alpha]").TextContent.Trim());
        Assert.Equal("mean κ undefined: all ratings identical", line.Find("[data-testid=tag-kappa]").TextContent.Trim());
        Assert.Equal("agreement 100 %", line.Find("[data-testid=tag-percent]").TextContent.Trim());
        Assert.DoesNotContain("0.00", line.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_with_disagreement_show_alpha_kappa_and_percent_agreement()
    {
        var a = new WeakLabels { Tags = [new Tag(1, true), new Tag(2, true), new Tag(3, false), new Tag(4, false)] };
        var b = new WeakLabels { Tags = [new Tag(1, true), new Tag(2, false), new Tag(3, false), new Tag(4, false)] };

        var line = Context.Render<TagAgreementLine>(p => p.Add(x => x.Tags, TagAgreement.Compute([a, b])));

        Assert.Equal("mean κ 0.50", line.Find("[data-testid=tag-kappa]").TextContent.Trim());
        Assert.Equal("agreement 75 %", line.Find("[data-testid=tag-percent]").TextContent.Trim());
        Assert.Equal(QaFigures.TagKappa, line.Find("[data-testid=tag-kappa]").GetAttribute("data-explanation"));
    }

    [Fact]
    public void A_figure_carries_what_it_measures_and_against_what()
    {
        var figure = Context.Render<QaFigure>(p => p
            .Add(x => x.Label, "clicks inside").Add(x => x.Value, 1.0).Add(x => x.Explanation, QaFigures.PointsInside).Add(x => x.TestId, "f"));

        var span = figure.Find("[data-testid=f]");
        Assert.Equal("clicks inside 1.00", span.TextContent.Trim());
        Assert.Contains("others' consensus", span.GetAttribute("aria-label"), StringComparison.Ordinal);
        Assert.Contains("boxes", span.GetAttribute("data-explanation"), StringComparison.Ordinal);
        Assert.NotNull(figure.FindComponent<MudBlazor.MudTooltip>().Instance.Text);
    }

    [Fact]
    public void An_undefined_figure_reads_a_dash_not_zero()
    {
        var figure = Context.Render<QaFigure>(p => p.Add(x => x.Label, "Dice").Add(x => x.Value, null).Add(x => x.Explanation, QaFigures.Dice));

        Assert.Equal("Dice —", figure.Find("span[data-explanation]").TextContent.Trim());
    }

    [Fact]
    public void The_heat_legend_runs_from_agreement_to_an_even_split_in_the_maps_colours()
    {
        var legend = Context.Render<HeatLegend>();

        var root = legend.Find("[data-testid=heat-legend]");
        Assert.Contains("agree 0", root.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 even split", root.TextContent, StringComparison.Ordinal);
        Assert.Contains(QaFigures.HeatCss(1), legend.Markup, StringComparison.Ordinal);
        Assert.Equal(QaFigures.Heat, root.GetAttribute("title"));
    }

    [Fact]
    public void Every_explanation_names_what_the_figure_is_compared_with()
    {
        foreach (var text in new[] { QaFigures.Dice, QaFigures.BoxIoU, QaFigures.ScribblePrecision, QaFigures.PointsInside, QaFigures.AnnotatorAgreement })
        {
            Assert.Matches("other|pair", text);
        }
    }
}
