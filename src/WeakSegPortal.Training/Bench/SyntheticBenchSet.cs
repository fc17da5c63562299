using WeakSegPortal.Training.Simulation;

namespace WeakSegPortal.Training.Bench;

/// <summary>A synthetic benchmark: organ phantoms, CT-like and MR-like in turn, each labelled by the simulated crowd.</summary>
public static class SyntheticBenchSet
{
    /// <summary>
    /// Items of the reference benchmark (`weakseg bench` without --items): 36 to train, 12 held out. With 24 (18 to train)
    /// the weak rows swung with the seed on held-out items the network had fitted in training (README, runs I and J).
    /// </summary>
    public const int ReferenceItems = 48;

    /// <summary>Image side of the reference benchmark (`weakseg bench` without --size).</summary>
    public const int ReferenceSide = 48;

    /// <param name="absenceRate">Chance an organ is left out of an item (image tags carry information only where some are).</param>
    public static BenchSet Generate(int items, int side, int seed, double absenceRate = 0.3)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(items, 2);
        var list = new List<BenchItem>(items);
        for (var n = 0; n < items; n++)
        {
            var options = n % 2 == 0
                ? new PhantomOptions(side, side, AbsenceRate: absenceRate)
                : PhantomOptions.MrLike(side, side) with { AbsenceRate = absenceRate };
            var itemSeed = SeededRandom.Mix(seed, n);
            var phantom = PhantomGenerator.Generate(options, itemSeed);
            list.Add(new BenchItem($"case{n:D3}-{(n % 2 == 0 ? "ct" : "mr")}", n % 2 == 0 ? "CT" : "MR", phantom.Grid, phantom.Image, phantom.Truth,
                SimulatedCrowdLabels.Annotate(phantom, itemSeed)));
        }
        return new BenchSet(list, PhantomOptions.Classes, SimulatedCrowdLabels.Names, SimulatedCrowdLabels.Careless);
    }
}
