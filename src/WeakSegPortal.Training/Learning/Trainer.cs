using System.Diagnostics;
using TorchSharp;
using WeakSegPortal.Training.Network;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Learning;

/// <summary>Trains a U-Net from weak labels with Adam, one dispose scope per step so no tensor outlives its step.</summary>
public sealed class Trainer : IDisposable
{
    private readonly UNet network;
    private readonly TrainerOptions options;
    private readonly optim.Optimizer optimizer;

    public Trainer(UNet network, TrainerOptions options)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        (this.network, this.options) = (network, options);
        optimizer = optim.Adam(network.parameters(), lr: options.LearningRate, weight_decay: options.WeightDecay);
    }

    /// <summary>One optimiser step on one batch; returns the loss before the step.</summary>
    public float Step(TrainingBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var scope = NewDisposeScope();
        network.train();
        optimizer.zero_grad();
        var output = network.Run(batch.Input, withTags: batch.HasTags);
        var loss = WeakObjective.Compute(output, batch, options.Weights);
        var value = loss.item<float>();
        if (!float.IsFinite(value))
        {
            throw new InvalidOperationException($"The training loss is {value}; the step was not taken (learning rate {options.LearningRate}).");
        }
        loss.backward();
        optimizer.step();
        return value;
    }

    /// <summary>Runs <see cref="TrainerOptions.Steps"/> steps on batches drawn (seeded) from the examples; checks for cancellation between steps.</summary>
    public TrainingProgress Train(IReadOnlyList<TrainingExample> examples, IProgress<TrainingProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(examples);
        if (examples.Count == 0)
        {
            throw new ArgumentException("Training needs at least one example.", nameof(examples));
        }
        var random = new Random(options.Seed);
        var clock = Stopwatch.StartNew();
        var last = new TrainingProgress(0, options.Steps, float.NaN, TimeSpan.Zero);
        var order = new List<int>();
        for (var step = 1; step <= options.Steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var picked = new List<TrainingExample>(options.BatchSize);
            while (picked.Count < Math.Min(options.BatchSize, examples.Count))
            {
                if (order.Count == 0)
                {
                    order.AddRange(Enumerable.Range(0, examples.Count).OrderBy(_ => random.Next()));
                }
                picked.Add(examples[order[^1]]);
                order.RemoveAt(order.Count - 1);
            }
            using var batch = TrainingBatch.From(picked);
            last = new TrainingProgress(step, options.Steps, Step(batch), clock.Elapsed);
            progress?.Report(last);
        }
        return last;
    }

    public void Dispose() => optimizer.Dispose();
}
