using WeakSegPortal.Core.Agreement;

namespace WeakSegPortal.Core.Tests.Agreement;

public sealed class MultiClassStapleTests
{
    [Fact]
    public void Recovers_each_raters_accuracy_per_class_with_missing_labels()
    {
        // Three classes; rater r is right with probability Accuracy[r] and otherwise picks one of the
        // two wrong classes at random, so θ[s, s] = Accuracy[r]. Rater 3 labels only half the voxels.
        double[] accuracy = [0.95, 0.9, 0.85, 0.8];
        var random = new Random(1971);
        var truth = Enumerable.Range(0, 60_000).Select(_ => random.NextDouble() switch
        {
            < 0.5 => 0,
            < 0.8 => 1,
            _ => 2,
        }).ToArray();
        var labels = accuracy.Select((a, r) => truth.Select(t =>
            r == 3 && random.NextDouble() < 0.5 ? -1
            : random.NextDouble() < a ? t
            : (t + 1 + random.Next(2)) % 3).ToArray()).ToList();

        var result = MultiClassStaple.Estimate(labels, 3);
        Assert.True(result.Converged);
        for (var r = 0; r < accuracy.Length; r++)
        {
            for (var s = 0; s < 3; s++)
            {
                Assert.InRange(result.Confusion[r][s, s], accuracy[r] - 0.02, accuracy[r] + 0.02);
            }
        }

        var correct = result.Consensus.Zip(truth).Count(x => x.First == x.Second);
        Assert.True(correct > 0.98 * truth.Length);
        Assert.Equal(1f, result.Posterior[0][0] + result.Posterior[1][0] + result.Posterior[2][0], 5);
    }

    [Fact]
    public void Voxel_nobody_labelled_takes_the_most_frequent_class()
    {
        var labels = new List<int[]> { new[] { 1, 1, 0, -1 }, new[] { 1, 1, 0, -1 } };
        var result = MultiClassStaple.Estimate(labels, 2);
        Assert.Equal([1, 1, 0, 1], result.Consensus);
    }
}
