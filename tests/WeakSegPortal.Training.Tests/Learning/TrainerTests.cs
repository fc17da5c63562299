using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Network;
using WeakSegPortal.Training.Simulation;
using WeakSegPortal.Training.Tests.Network;
using static TorchSharp.torch;

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

    [Fact]
    public void A_first_step_over_NaN_left_in_freed_memory_is_taken_not_skipped()
    {
        // The first step of a process used to skip now and then: oneDNN read uninitialised memory (see OneDnnConvolutions).
        var annotator = new SimulatedAnnotator(AnnotatorProfile.Careful("a") with { MissRate = 0 });
        var examples = Enumerable.Range(0, 4).Select(s =>
        {
            var phantom = PhantomGenerator.Generate(new PhantomOptions(Width: 32, Height: 32), 100 + s);
            return WeakTargets.ForSlice(phantom.Image, 1, phantom.Grid, 0, annotator.Annotate(phantom, WeakLabelKinds.Scribbles, s), PhantomOptions.Classes);
        }).ToList();
        for (var repeat = 0; repeat < 10; repeat++)
        {
            random.manual_seed(repeat);
            using var net = new UNet(new UNetOptions(PhantomOptions.Classes, Depth: 3, BaseChannels: 8));
            using var trainer = new Trainer(net, new TrainerOptions(Steps: 1, BatchSize: 4));
            FreedMemory.FillWithNaN();

            var last = trainer.Train(examples, null, CancellationToken.None);

            Assert.True(float.IsFinite(last.Loss));
            Assert.Equal(0, trainer.SkippedSteps);
        }
    }

    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
