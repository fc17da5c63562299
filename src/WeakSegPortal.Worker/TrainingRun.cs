using System.Diagnostics;
using Microsoft.Extensions.Logging;
using WeakSegPortal.Core.Training;
using WeakSegPortal.ML.Jobs;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Training.Bench;
using WeakSegPortal.Training.Checkpoints;
using WeakSegPortal.Training.Learning;
using WeakSegPortal.Training.Network;
using WeakSegPortal.Training.Simulation;
using TorchSharp;
using static TorchSharp.torch;

namespace WeakSegPortal.Worker;

/// <summary>
/// One claimed training job, epoch by epoch (docs/training-protocol.md): the dataset and volumes, the examples (tag-only
/// slices through the tag stage's pseudo-masks, <see cref="TagPseudoMaskStage"/>), the objective of their kinds of
/// supervision (<see cref="SupervisionObjective"/>: the benchmark's rows, one rule for both), the network
/// (fresh, from the manager's initial checkpoint, or resumed from the last epoch's checkpoint), then per epoch
/// <see cref="TrainingConfig.StepsPerEpoch"/> steps (renewing the lease inside the epoch when it runs long), validation Dice,
/// a checkpoint blob and <c>ReportTrainingEpoch</c>, whose directive is obeyed at once. At the end the ONNX export, the items'
/// uncertainty and the <see cref="TrainingOutcome"/>; null when the portal cancelled the job. Lease lost:
/// <see cref="TrainingClaimLostException"/>.
/// </summary>
public sealed partial class TrainingRun(
    TrainingAssignment assignment, TrainingChannel channel, PortalTrainingClient portal, VolumeCache volumes, TrainingDevice device, ILogger log)
{
    private readonly TrainingConfig _config = assignment.Config;
    private readonly LeaseClock _lease = new(assignment.LeaseUntil);

    public async Task<TrainingOutcome?> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var dataset = await portal.DatasetAsync(assignment.JobId, assignment.Attempt, cancellationToken);
        var classes = new ClassNumbering(dataset.Classes);
        var shape = UNetOptions.For(_config, classes.HighestClassId);
        var set = await TrainingSet.BuildAsync(dataset, _config, classes, volumes, cancellationToken);
        DataReady(log, assignment.JobId, set.Examples.Count, set.LabelledItems.Count, set.Validation.Count, set.ValidationItems);
        var objective = SupervisionObjective.For(set.Kinds);
        ObjectiveChosen(log, assignment.JobId, string.Join(", ", set.Kinds), objective);
        var examples = set.Examples;
        if (TagPseudoMaskStage.IsNeeded(examples))
        {
            if (await TagStageAsync(examples, shape, cancellationToken) is not { } pseudo)
            {
                return null;
            }

            examples = pseudo;
        }

        using var network = await StartingNetworkAsync(shape, cancellationToken);
        network.to(device.Device);
        var firstEpoch = assignment.ResumeCheckpointHash is null ? 1 : assignment.ResumeAfterEpoch + 1;
        using var trainer = new Trainer(network, RunTrainerOptions.For(_config, objective, firstEpoch)); // a resumed run goes on along the same schedule
        trainer.StartFrom(examples); // a fresh network's class head from the class shares, as the benchmark's Train does
        double? loss = null;
        double? dice = null;
        for (var epoch = firstEpoch; epoch <= _config.Epochs; epoch++)
        {
            var epochLoss = await EpochAsync(trainer, examples, epoch, cancellationToken);
            if (epochLoss is null)
            {
                return null;
            }

            loss = epochLoss;
            dice = ValidationDice.Measure(network, set.Validation, _config.ImageSide, device.Device);
            var checkpoint = await portal.PutBlobAsync(Save(network), cancellationToken);
            var directive = await channel.ReportEpochAsync(
                new TrainingEpochReport(assignment.JobId, assignment.Attempt, epoch, _config.Epochs, loss.Value, dice, checkpoint), cancellationToken);
            EpochDone(log, assignment.JobId, epoch, _config.Epochs, loss.Value, dice, clock.Elapsed.TotalSeconds);
            if (!Obey(directive))
            {
                return null;
            }
        }

        // A run resumed after the last epoch (the worker stopped before completing) has nothing left to train: measure it as it is.
        var finalLoss = loss ?? LossNow(network, examples, objective);
        dice = loss is null ? ValidationDice.Measure(network, set.Validation, _config.ImageSide, device.Device) : dice;
        network.cpu(); // training is over: export and scoring read the weights on the CPU
        var onnx = await portal.PutBlobAsync(TrainedModelExport.Onnx(network), cancellationToken);
        var finalCheckpoint = await portal.PutBlobAsync(Save(network), cancellationToken);
        var uncertainties = new List<ItemUncertainty>();
        foreach (var item in dataset.Items)
        {
            var volume = await volumes.GetAsync(item.VolumeHash, cancellationToken);
            uncertainties.Add(new ItemUncertainty(item.ItemId, await Task.Run(() => ModelUncertainty.Of(network, volume, item.Modality, _config.ImageSide), cancellationToken)));
        }

        Finished(log, assignment.JobId, onnx, uncertainties.Count);
        return new TrainingOutcome(assignment.JobId, assignment.Attempt, finalCheckpoint, onnx, finalLoss, dice,
            set.Examples.Count, set.Validation.Count, set.LabelledItems, uncertainties, clock.ElapsedMilliseconds);
    }

    /// <summary>
    /// The tag stage (<see cref="TagPseudoMaskStage"/>, as in the benchmark, with its tags row's classifier objective and grow
    /// tolerance: <see cref="SupervisionObjective"/>): a classifier of the same shape learns the tags for
    /// as many steps as the job trains (epochs drawn as −1, −2, … so their batches differ from training's), then each tag-only
    /// slice gets its class activation pseudo-mask. A resumed job runs it again (same seed), since pseudo-masks are not
    /// checkpointed. Null when a lease renewal said stop.
    /// </summary>
    private async Task<List<TrainingExample>?> TagStageAsync(IReadOnlyList<TrainingExample> examples, UNetOptions shape, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var row = SupervisionObjective.RowOf(BenchSupervision.Tags);
        manual_seed(_config.Seed);
        using var classifier = new UNet(shape);
        classifier.to(device.Device);
        using var trainer = new Trainer(classifier, RunTrainerOptions.For(_config, SupervisionObjective.Classifier(row), firstEpoch: 1));
        var tagged = TagPseudoMaskStage.ClassifierExamples(examples);
        trainer.StartFrom(tagged);
        for (var round = 1; round <= _config.Epochs; round++)
        {
            if (await EpochAsync(trainer, tagged, -round, cancellationToken) is null)
            {
                return null;
            }
        }

        classifier.cpu();
        var pseudo = await Task.Run(() => TagPseudoMaskStage.Apply(classifier, examples, row.GrowTolerance), cancellationToken);
        TagStageDone(log, assignment.JobId, examples.Count(TagPseudoMaskStage.HasOnlyTags), tagged.Count, clock.Elapsed.TotalSeconds);
        return pseudo;
    }

    /// <summary>The last epoch's checkpoint (resume), else the manager's (transfer; refused with the reason when it does not fit), else a fresh network.</summary>
    private async Task<UNet> StartingNetworkAsync(UNetOptions shape, CancellationToken cancellationToken)
    {
        var hash = assignment.ResumeCheckpointHash ?? assignment.InitialCheckpointHash;
        if (hash is null)
        {
            manual_seed(_config.Seed);
            return new UNet(shape);
        }

        var bytes = await portal.GetBlobAsync(hash, cancellationToken);
        using var stream = new MemoryStream(bytes, writable: false);
        var network = ModelCheckpoint.Load(stream, shape);
        StartedFrom(log, assignment.JobId, assignment.ResumeCheckpointHash is null ? "the manager's initial checkpoint" : $"the checkpoint of epoch {assignment.ResumeAfterEpoch}", hash);
        return network;
    }

    /// <summary>One epoch's steps; the mean loss, or null when a lease renewal said stop.</summary>
    private async Task<double?> EpochAsync(Trainer trainer, IReadOnlyList<TrainingExample> examples, int epoch, CancellationToken cancellationToken)
    {
        // Batches are drawn afresh per epoch from (seed, epoch), so a resumed run draws what the lost one would have.
        var random = new Random(SeededRandom.Mix(_config.Seed, epoch));
        var order = new List<int>();
        double sum = 0;
        for (var step = 0; step < _config.StepsPerEpoch; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var picked = new List<TrainingExample>(_config.BatchSize);
            while (picked.Count < Math.Min(_config.BatchSize, examples.Count))
            {
                if (order.Count == 0)
                {
                    order.AddRange(Enumerable.Range(0, examples.Count).OrderBy(_ => random.Next()));
                }

                picked.Add(examples[order[^1]]);
                order.RemoveAt(order.Count - 1);
            }

            using var batch = TrainingBatch.From(picked, device.Device);
            sum += await Task.Run(() => trainer.Step(batch), cancellationToken);
            if (_lease.RenewDue && !Obey(await channel.RenewLeaseAsync(assignment.JobId, assignment.Attempt, cancellationToken)))
            {
                return null;
            }
        }

        return sum / _config.StepsPerEpoch;
    }

    /// <summary>Goes on (true), stops because a manager cancelled (false), or throws when the claim is lost.</summary>
    private bool Obey(TrainingDirective directive)
    {
        switch (directive.Action)
        {
            case TrainingDirective.Continue:
                _lease.Renewed(directive.LeaseUntil);
                return true;
            case TrainingDirective.LeaseLost:
                throw new TrainingClaimLostException($"Attempt {assignment.Attempt} of training job {assignment.JobId} lost its claim.");
            case TrainingDirective.Cancel:
                Cancelled(log, assignment.JobId);
                return false;
            default:
                throw new TrainingDataException($"The portal answered an unknown training directive '{directive.Action}'.");
        }
    }

    private static byte[] Save(UNet network)
    {
        using var stream = new MemoryStream();
        ModelCheckpoint.Save(network, stream);
        return stream.ToArray();
    }

    /// <summary>The loss of the resumed network on one batch, when the last epoch was done before the run stopped (nothing left to train).</summary>
    private double LossNow(UNet network, IReadOnlyList<TrainingExample> examples, ObjectiveWeights objective)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        network.eval();
        using var batch = TrainingBatch.From([.. examples.Take(_config.BatchSize)], device.Device);
        return WeakObjective.Compute(network.Run(batch.Input, withTags: batch.HasTags), batch, objective).item<float>();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: {Examples} labelled slices from {Items} items, {ValidationSlices} validation slices from {ValidationItems} gold items")]
    private static partial void DataReady(ILogger logger, Guid jobId, int examples, int items, int validationSlices, int validationItems);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: learns from {Kinds} with the benchmark's objective {Objective}")]
    private static partial void ObjectiveChosen(ILogger logger, Guid jobId, string kinds, ObjectiveWeights objective);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: tag stage gave {Slices} tag-only slices class activation pseudo-masks (classifier on {Tagged} tagged slices, {Seconds:0.#} s)")]
    private static partial void TagStageDone(ILogger logger, Guid jobId, int slices, int tagged, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: starting from {What} ({Hash})")]
    private static partial void StartedFrom(ILogger logger, Guid jobId, string what, string hash);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: epoch {Epoch}/{Epochs}, loss {Loss:0.####}, validation Dice {Dice:0.###}, {Seconds:0.#} s")]
    private static partial void EpochDone(ILogger logger, Guid jobId, int epoch, int epochs, double loss, double? dice, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: exported to ONNX ({OnnxHash}), uncertainty scored on {Items} items")]
    private static partial void Finished(ILogger logger, Guid jobId, string onnxHash, int items);

    [LoggerMessage(Level = LogLevel.Information, Message = "Training job {JobId}: cancelled by the portal; stopped")]
    private static partial void Cancelled(ILogger logger, Guid jobId);
}
