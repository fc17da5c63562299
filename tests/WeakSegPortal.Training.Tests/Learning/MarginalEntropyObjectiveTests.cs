using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Losses;
using WeakSegPortal.Training.Network;
using WeakSegPortal.Training.Tests.Losses;

namespace WeakSegPortal.Training.Tests.Learning;

public class MarginalEntropyObjectiveTests
{
    [Fact]
    public void The_objective_takes_the_entropy_of_the_marginalised_distribution_only_when_asked()
    {
        // One unlabelled pixel, p = (0.2, 0.5, 0.3), class 2 labelled by nobody on the item. Marginalised: (0.5, 0.5, 0),
        // H / ln 3 = ln 2 / ln 3 = 0.630930. Over every class: 1.029654 / 1.098612 = 0.937231.
        var example = new TrainingExample([0.5f], 1, 1, 1, [PartialCrossEntropy.Ignore], [true, true, false], [],
            [TagClassificationLoss.Unknown, TagClassificationLoss.Unknown], []);
        using var batch = TrainingBatch.From([example]);
        using var logits = TinyTensors.LogitsOf([0.2f, 0.5f, 0.3f], 1, 3, 1, 1);
        var output = new UNetOutput(logits, null, logits);
        var weights = new ObjectiveWeights(Entropy: 1, Box: 0, Size: 0, Tag: 0, NegativeTag: 0);

        using var marginal = WeakObjective.Compute(output, batch, weights with { MarginalEntropy = true });
        using var everyClass = WeakObjective.Compute(output, batch, weights);

        Assert.Equal(0.630930, marginal.item<float>(), 5);
        Assert.Equal(0.937231, everyClass.item<float>(), 5);
    }
}
