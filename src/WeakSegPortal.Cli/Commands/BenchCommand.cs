using System.Globalization;
using WeakSegPortal.Cli.Bench;
using WeakSegPortal.Training.Bench;
using WeakSegPortal.Training.Learning;

namespace WeakSegPortal.Cli.Commands;

/// <summary>
/// `weakseg bench`: trains with full masks and with each weak label type on one split and prints Dice, HD95 and % of full
/// supervision. Data: synthetic (default), a `simulate` folder (--data), or outside image and label volumes (--image/--label,
/// files or folders) whose annotators are simulated from the labels.
/// </summary>
internal static class BenchCommand
{
    public static int Run(CliArguments args, TextWriter stdout, CancellationToken cancellationToken)
    {
        var threads = args.IntOption("threads") ?? Math.Min(Environment.ProcessorCount, 4);
        TorchSharp.torch.set_num_threads(Math.Max(1, threads));
        // Every default is BenchOptions' own: the command line only overrides.
        var defaults = new BenchOptions();
        var options = new BenchOptions(
            Depth: args.IntOption("depth") ?? defaults.Depth,
            BaseChannels: args.IntOption("channels") ?? defaults.BaseChannels,
            Steps: args.IntOption("steps") ?? defaults.Steps,
            BatchSize: args.IntOption("batch") ?? defaults.BatchSize,
            LearningRate: args.DoubleOption("lr") ?? defaults.LearningRate,
            Seed: args.IntOption("seed") ?? defaults.Seed,
            TestShare: args.DoubleOption("test-share") ?? defaults.TestShare)
        {
            Schedule = Schedule(args, defaults.Schedule),
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliUsageException(e.Message);
        }
        var set = Data(args, options, cancellationToken);
        var cases = Cases(args.Option("cases"));
        if (args.DoubleOption("box-smoothness") is { } smoothness)
        {
            cases = cases.Select(c => c with { Weights = c.Weights with { BoxTightness = c.Weights.BoxTightness with { SmoothnessWeight = smoothness } } }).ToList();
        }
        // The box bags' inset from each side and the least share of its box a class fills (BoxTightnessOptions).
        if (args.IntOption("bag-inset") is { } inset)
        {
            cases = cases.Select(c => c with { Weights = c.Weights with { BoxTightness = c.Weights.BoxTightness with { BagInset = inset } } }).ToList();
        }
        if (args.DoubleOption("box-fill") is { } fill)
        {
            cases = cases.Select(c => c with { Weights = c.Weights with { BoxTightness = c.Weights.BoxTightness with { MinimumFill = fill } } }).ToList();
        }
        // The size prior's weight in the cases learning from pixels (scribbles and points); the CRF's where a case has one.
        if (args.DoubleOption("size-weight") is { } size)
        {
            cases = cases.Select(c => c.Supervision is BenchSupervision.Scribbles or BenchSupervision.Points ? c with { Weights = c.Weights with { Size = size } } : c).ToList();
        }
        // The size shortfall relative to the lower bound (scribbles and points); the regularisers' warm-up (every case).
        if (args.DoubleOption("size-shortfall") is { } shortfall)
        {
            cases = cases.Select(c => c.Supervision is BenchSupervision.Scribbles or BenchSupervision.Points ? c with { Weights = c.Weights with { SizeShortfall = shortfall } } : c).ToList();
        }
        if (args.IntOption("warm-up") is { } warmUp)
        {
            cases = cases.Select(c => c with { Weights = c.Weights with { RegulariserWarmUp = warmUp } }).ToList();
        }
        if (args.DoubleOption("crf-weight") is { } crf)
        {
            cases = cases.Select(c => c.Weights.GatedCrf > 0 ? c with { Weights = c.Weights with { GatedCrf = crf } } : c).ToList();
        }
        // Class-balanced cross-entropy on or off in every case but tags (which learn from their own pseudo-masks).
        if (args.Option("balance") is { } balance)
        {
            var on = balance is "true" or "on" or "1";
            cases = cases.Select(c => c.Supervision == BenchSupervision.Tags ? c : c with { Weights = c.Weights with { BalanceClasses = on } }).ToList();
        }
        if (args.DoubleOption("grow-tolerance") is { } grow)
        {
            cases = cases.Select(c => c.Supervision is BenchSupervision.Tags ? c with { GrowTolerance = grow } : c).ToList();
        }
        if (args.Option("absent-tag-maps") is { } absentMaps)
        {
            cases = cases.Select(c => c with { Weights = c.Weights with { AbsentTagMaps = absentMaps != "off" } }).ToList();
        }
        var dump = args.Option("dump");
        var runner = new BenchRunner(set, options)
        {
            TraceEvery = args.IntOption("trace") ?? 0,
            PredictionsMade = dump is null ? null : (benchCase, predictions) => PredictionMontage.Write(dump, Key(benchCase), set.Classes, predictions),
            PseudoMasksMade = dump is null ? null : (benchCase, masks) => PredictionMontage.Write(dump, Key(benchCase) + "-pseudo-masks", set.Classes, masks),
            TagMapsMade = dump is null ? null : (benchCase, maps) => TagMapsFile.Write(dump, Key(benchCase), maps),
        };
        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{set.Items.Count} items ({runner.TrainItems} train, {runner.TestItems} held out), {set.Classes - 1} classes; {options.Steps} steps of {options.BatchSize}, lr {options.LearningRate:G3} {options.Schedule}, depth {options.Depth}, {options.BaseChannels} channels, {threads} threads"));
        foreach (var (id, value) in runner.Reliability.OrderBy(r => set.AnnotatorNames.GetValueOrDefault(r.Key, ""), StringComparer.Ordinal))
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"reliability {set.AnnotatorNames.GetValueOrDefault(id, id.ToString())}{(id == set.CarelessAnnotator ? " (careless)" : "")}: {value:F3}"));
        }
        var rows = runner.Run(cases, stdout, cancellationToken);
        stdout.WriteLine();
        stdout.Write(BenchTable.Format(rows));
        return 0;
    }

    /// <summary>--schedule constant|poly|cosine (the learning rate's decay from --lr over the steps) and --lr-warm-up N (linear, first N steps).</summary>
    private static LearningRateSchedule Schedule(CliArguments args, LearningRateSchedule byDefault)
    {
        if (args.Option("schedule") is null && args.Option("lr-warm-up") is null)
        {
            return byDefault;
        }
        var name = args.Option("schedule") ?? byDefault.Decay.ToString();
        if (!Enum.TryParse<LearningRateDecay>(name, ignoreCase: true, out var decay) || !Enum.IsDefined(decay) || name.Any(char.IsDigit))
        {
            throw new CliUsageException($"unknown schedule '{name}'; schedules: constant, poly, cosine");
        }
        var warmUp = args.IntOption("lr-warm-up") ?? 0;
        if (warmUp < 0)
        {
            throw new CliUsageException("--lr-warm-up takes a number of steps, 0 or more");
        }
        return new LearningRateSchedule(decay, warmUp);
    }

    private static BenchSet Data(CliArguments args, BenchOptions options, CancellationToken cancellationToken)
    {
        if (args.Option("data") is { } folder)
        {
            return BenchSetFiles.ReadSimulated(folder, cancellationToken);
        }
        if (args.Option("image") is { } image)
        {
            var volumes = BenchSetFiles.ReadOutside(image, args.RequiredOption("label"), args.Option("modality") ?? "auto", cancellationToken);
            if (volumes.Count < 2 && volumes.Sum(v => v.Grid.Nz) < 2)
            {
                throw new CliRefusedException("outside data needs at least two volumes (or one volume of several slices) to hold some out");
            }
            return volumes.Count == 1 ? SlicesAsItems(LabelledVolumeSet.From(volumes, args.IntOption("side") ?? 128, 1 << (options.Depth - 1), options.Seed))
                : LabelledVolumeSet.From(volumes, args.IntOption("side") ?? 128, 1 << (options.Depth - 1), options.Seed);
        }
        return SyntheticBenchSet.Generate(args.IntOption("items") ?? SyntheticBenchSet.ReferenceItems, args.IntOption("size") ?? SyntheticBenchSet.ReferenceSide, args.IntOption("data-seed") ?? 42);
    }

    /// <summary>One outside volume: its slices become the items, so some can be held out.</summary>
    private static BenchSet SlicesAsItems(BenchSet set)
    {
        var item = set.Items[0];
        var plane = WeakSegPortal.Core.Labels.Grid.Planar(item.Grid.Nx, item.Grid.Ny, item.Grid.SpacingX, item.Grid.SpacingY);
        var items = Enumerable.Range(0, item.Grid.Nz).Select(k => new BenchItem($"{item.Name}#{k}", item.Modality, plane,
            item.Image.AsSpan(k * plane.Count, plane.Count).ToArray(), item.Truth.AsSpan(k * plane.Count, plane.Count).ToArray(),
            item.Annotators.Select(a => a with { Labels = OnSlice(a.Labels, k) }).ToList())).ToList();
        return set with { Items = items };
    }

    private static WeakSegPortal.Core.Labels.WeakLabels OnSlice(WeakSegPortal.Core.Labels.WeakLabels labels, int k) => new()
    {
        Scribbles = labels.Scribbles.Where(s => s.Slice == k).Select(s => s with { Slice = 0 }).ToList(),
        Boxes = labels.Boxes.Where(b => b.IsAxial && b.Slice == k).Select(b => b with { Slice = 0 }).ToList(),
        Points = labels.Points.Where(p => p.Slice == k).Select(p => p with { Slice = 0 }).ToList(),
        Tags = labels.Tags.Where(t => t.Slice == k || t.Slice is null).Select(t => t with { Slice = null }).ToList(),
    };

    private static IReadOnlyList<BenchCase> Cases(string? names)
    {
        if (names is null)
        {
            return BenchCase.All;
        }
        var wanted = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = wanted.Where(w => BenchCase.All.All(c => Key(c) != w)).ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException($"unknown case(s) {string.Join(", ", unknown)}; cases: {string.Join(", ", BenchCase.All.Select(Key))}");
        }
        // Full masks first when asked for: the other rows are measured against it.
        return BenchCase.All.Where(c => wanted.Contains(Key(c))).ToList();
    }

    /// <summary>A case's name on the command line: "points, pCE only" → "points-pce-only".</summary>
    public static string Key(BenchCase benchCase) =>
        benchCase.Name.ToLowerInvariant().Replace(", ", "-", StringComparison.Ordinal).Replace(' ', '-');
}
