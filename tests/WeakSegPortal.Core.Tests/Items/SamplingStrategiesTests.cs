using System.Reflection;
using WeakSegPortal.Core.Items.Sampling;
using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Core.Tests.Items;

public class SamplingStrategiesTests
{
    [Fact]
    public void Every_strategy_name_is_registered_with_its_own_implementation_and_description()
    {
        var constants = typeof(SamplingStrategies).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string) && f.Name != nameof(SamplingStrategies.Default))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(constants.Order(), SamplingStrategies.Names.Order());
        Assert.All(constants, name => Assert.Equal(name, SamplingStrategies.For(name).Name));
        Assert.Equal(SamplingStrategies.All.Count, SamplingStrategies.All.Select(s => s.GetType()).Distinct().Count());
        Assert.Equal(SamplingStrategies.All.Count, SamplingStrategies.All.Select(s => s.Description).Distinct().Count());
        Assert.Equal(SamplingStrategies.Default, SamplingStrategies.Names[0]);
    }

    [Fact]
    public void A_project_that_never_chose_uses_sequential_and_an_unknown_name_is_refused_with_the_registered_ones()
    {
        Assert.IsType<SequentialSampling>(SamplingStrategies.For(null));
        var error = Assert.Throws<KeyNotFoundException>(() => SamplingStrategies.For("hardest-first"));
        Assert.Equal("No sampling strategy named 'hardest-first'; registered: sequential, random, informative.", error.Message);
    }

    [Theory]
    [InlineData(0.4, 0.5, 0.6)]
    [InlineData(0.5, 1.0, 0.5)]
    [InlineData(1.0, 0.0, 2.0)]
    [InlineData(0.0, 0.0, 0.0)]
    public void Informative_scores_uncertainty_times_one_plus_disagreement(double uncertainty, double agreement, double expected) =>
        Assert.Equal(expected, InformativeSampling.Score(uncertainty, agreement), 10);

    [Fact]
    public void A_draft_may_choose_every_registered_strategy_and_nothing_else()
    {
        foreach (var name in SamplingStrategies.Names)
        {
            Assert.DoesNotContain(nameof(ProjectDraft.SamplingStrategy), ProjectDraftValidator.Validate(Draft(name)).Keys);
        }

        var errors = ProjectDraftValidator.Validate(Draft("hardest-first"));

        Assert.Equal("Pick a sampling strategy: sequential, random, informative.", errors[nameof(ProjectDraft.SamplingStrategy)]);
    }

    private static ProjectDraft Draft(string strategy) => new()
    {
        Name = "Liver CT",
        Classes = [new() { Name = "Liver" }],
        AllowedKinds = [AnnotationKind.Box],
        SamplingStrategy = strategy,
    };
}
