using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Network;
using WeakSegPortal.Training.Simulation;

namespace WeakSegPortal.Training.Tests.Learning;

public class TrainerTests
{
    [Fact]
    public void A_cancelled_run_stops_between_steps_and_reports_progress_per_step()
    {
        var phantom = PhantomGenerator.Generate(new PhantomOptions(Width: 16, Height: 16), 1);
        var labels = new SimulatedAnnotator(AnnotatorProfile.Careful("a") with { MissRate = 0 }).Annotate(phantom, WeakLabelKinds.Points, 1);
        var example = WeakTargets.ForSlice(phantom.Image, 1, phantom.Grid, 0, labels, PhantomOptions.Classes);
        using var net = new UNet(new UNetOptions(PhantomOptions.Classes, Depth: 2, BaseChannels: 2));
        using var trainer = new Trainer(net, new TrainerOptions(Steps: 50, BatchSize: 1));
        using var cancellation = new CancellationTokenSource();
        var seen = new List<TrainingProgress>();
        var progress = new SynchronousProgress(p =>
        {
            seen.Add(p);
            if (p.Step == 3)
            {
                cancellation.Cancel();
            }
        });

        Assert.Throws<OperationCanceledException>(() => trainer.Train([example], progress, cancellation.Token));

        Assert.Equal([1, 2, 3], seen.Select(p => p.Step));
        Assert.All(seen, p => Assert.Equal(50, p.Steps));
        Assert.All(seen, p => Assert.True(float.IsFinite(p.Loss)));
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
