using WeakSegPortal.Core.Agreement;
using WeakSegPortal.Core.Labels;

namespace WeakSegPortal.Core.Tests.Labels;

/// <summary>
/// The label maths (geometry, rasterisers, agreement) is what ML code and a GPU worker need without a
/// store: its assembly references the .NET runtime alone, no Marten, Npgsql or other project.
/// </summary>
public sealed class LabelMathsReferenceTests
{
    [Fact]
    public void The_label_maths_assembly_references_no_store_and_no_other_project()
    {
        var assembly = typeof(Box2D).Assembly;
        Assert.Same(assembly, typeof(PairDice).Assembly);
        var references = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, name => Assert.True(name == "netstandard" || name.StartsWith("System", StringComparison.Ordinal), $"{assembly.GetName().Name} references {name}"));
    }
}
