using WeakSegPortal.Core.Labels;
using WeakSegPortal.Core.Qa;

namespace WeakSegPortal.Core.Tests.Qa;

public sealed class SliceConsensusTests
{
    [Fact]
    public void Two_of_three_win_and_the_split_shows_in_the_heat_map_on_that_slice_only()
    {
        var volume = new Grid(10, 10, 5);
        WeakLabels Line(int slice, int classId) => new() { Scribbles = [new Scribble([new(1, 4), new(8, 4)], 1, slice, classId)] };
        var annotators = new[] { Line(2, 1), Line(2, 1), Line(2, 0) };

        var onTwo = SliceConsensus.Compute(volume, 2, annotators, [1]);
        var onThree = SliceConsensus.Compute(volume, 3, annotators, [1]);

        var at = volume.Index(4, 4, 0);
        Assert.True(onTwo.ClassConsensus[1][at]);
        Assert.InRange(onTwo.Disagreement[at], 0.6, 0.7);
        Assert.Equal(0f, onTwo.Disagreement[volume.Index(4, 8, 0)]);
        Assert.DoesNotContain(true, onThree.ClassConsensus[1]);
        Assert.All(onThree.Disagreement, d => Assert.Equal(0f, d));
        Assert.Equal(100, onTwo.Grid.Count);
    }
}
