using WeakSegPortal.ML.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Network;

/// <summary>A 2D U-Net of configurable depth and width with multi-class logits, 2.5D input and an optional tag head.</summary>
/// <remarks>
/// Encoder: ConvBlock per level, 2×2 max pooling between levels, channels doubled per level. Decoder: 2×2 transposed
/// convolution, concatenation with the encoder's features at that level, ConvBlock. A 1×1 convolution gives the logits.
/// The class head reads the last level's batch-normalised features <b>before</b> that level's last ReLU
/// (<see cref="ConvBlock.Unrectified"/>). With a ReLU there, a class could die: at full masks, training seed 2 (48², 8 base
/// channels), every one of the 8 last-level channels fell to 0 on 96 % of the small organ's training pixels by step 400
/// (48 % at step 80), where the logits are the head's bias alone (p = 0.46, 0.21, 0.34: background) and no gradient
/// passes the ReLU to move them again; the organ was never predicted (Dice 0.499). Without it the head always has a
/// gradient into the network.
/// </remarks>
public sealed class UNet : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvBlock> down = new();
    private readonly ModuleList<ConvTranspose2d> up = new();
    private readonly ModuleList<ConvBlock> decode = new();
    private readonly Conv2d head;
    private readonly TagHead? tags;

    public UNet(UNetOptions options) : base(nameof(UNet))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        OneDnnConvolutions.Disable(); // its convolution backward can read uninitialised memory (NaN gradients now and then)
        Options = options;
        long channels = options.BaseChannels;
        down.Add(new ConvBlock("down0", options.InputChannels, channels));
        for (var level = 1; level < options.Depth; level++)
        {
            down.Add(new ConvBlock($"down{level}", channels, channels * 2));
            channels *= 2;
        }
        for (var level = options.Depth - 2; level >= 0; level--)
        {
            up.Add(nn.ConvTranspose2d(channels, channels / 2, 2, stride: 2));
            decode.Add(new ConvBlock($"decode{level}", channels, channels / 2));
            channels /= 2;
        }
        head = nn.Conv2d(channels, options.Classes, 1);
        tags = options.Tags > 0 ? new TagHead("tags", options.BaseChannels, options.Tags) : null;
        RegisterComponents();
    }

    /// <summary>Built with random weights and neither trained nor loaded from a checkpoint since: <see cref="Learning.Trainer"/> then starts its class head from the labels' class shares.</summary>
    public bool IsFresh { get; internal set; } = true;

    /// <summary>
    /// Sets the class head's bias to the log of each class's share of the labelled pixels (floored at <see cref="SmallestShare"/>),
    /// so that before training every pixel's logits lean to the classes as the labels hold them: an unlabelled pixel starts as the
    /// most labelled class (background), not as whichever class the random weights favour.
    /// </summary>
    public void StartFromClassShares(IReadOnlyList<double> shares)
    {
        ArgumentNullException.ThrowIfNull(shares);
        if (shares.Count != Options.Classes)
        {
            throw new ArgumentException($"Expected {Options.Classes} class shares, got {shares.Count}.", nameof(shares));
        }
        using var noGrad = no_grad();
        using var bias = tensor(shares.Select(s => (float)Math.Log(Math.Max(s, SmallestShare))).ToArray());
        head.bias!.copy_(bias);
    }

    /// <summary>The share a class with no labelled pixels starts from (its bias log 1e-4 ≈ −9.2).</summary>
    public const double SmallestShare = 1e-4;

    /// <summary>The shape this network was built with (saved beside its weights).</summary>
    public UNetOptions Options { get; }

    /// <summary>Per-pixel class logits [batch, classes, height, width] from [batch, 1 + 2·neighbours, height, width].</summary>
    public override Tensor forward(Tensor input)
    {
        var output = Run(input, withTags: false);
        output.Features.Dispose();
        return output.Logits;
    }

    /// <summary>Logits, tag logits and maps (where the net has a tag head) and the first level's features that the tag head reads, in one pass.</summary>
    public UNetOutput Run(Tensor input, bool withTags = true)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.shape[1] != Options.InputChannels)
        {
            throw new ArgumentException($"Expected input [batch, {Options.InputChannels}, height, width], got [{string.Join(", ", input.shape)}].", nameof(input));
        }
        var divisor = 1L << (Options.Depth - 1);
        if (input.shape[2] % divisor != 0 || input.shape[3] % divisor != 0)
        {
            throw new ArgumentException($"Height and width must be multiples of {divisor} for depth {Options.Depth}, got {input.shape[2]}×{input.shape[3]}.", nameof(input));
        }
        using var scope = NewDisposeScope();
        var skips = new List<Tensor>();
        var x = input;
        Tensor? last = null; // the level the class head reads, before its last ReLU
        for (var level = 0; level < down.Count; level++)
        {
            var pooled = level == 0 ? x : nn.functional.max_pool2d(x, 2);
            if (level == down.Count - 1 && up.Count == 0)
            {
                last = down[level].Unrectified(pooled);
                x = nn.functional.leaky_relu(last, ConvBlock.NegativeSlope);
            }
            else
            {
                x = down[level].forward(pooled);
            }
            skips.Add(x);
        }
        for (var step = 0; step < up.Count; step++)
        {
            var upsampled = up[step].forward(x);
            var joined = cat([upsampled, skips[skips.Count - 2 - step]], 1);
            if (step == up.Count - 1)
            {
                last = decode[step].Unrectified(joined);
            }
            else
            {
                x = decode[step].forward(joined);
            }
        }
        var logits = head.forward(last!);
        var tagMaps = withTags && tags is not null ? tags.ActivationMaps(skips[0]) : null;
        var tagLogits = tagMaps?.mean([2L, 3L]); // as TagHead.forward
        return new UNetOutput(logits.MoveToOuterDisposeScope(), tagLogits?.MoveToOuterDisposeScope(), skips[0].MoveToOuterDisposeScope(), tagMaps?.MoveToOuterDisposeScope());
    }

    /// <summary>Class activation maps of the tags [batch, tags, height, width], at the input's resolution (the tag head reads the first level's features).</summary>
    public Tensor TagActivationMaps(Tensor input)
    {
        if (tags is null)
        {
            throw new InvalidOperationException("This network has no tag head (UNetOptions.Tags is 0).");
        }
        using var scope = NewDisposeScope();
        var output = Run(input, withTags: false);
        var maps = tags.ActivationMaps(output.Features);
        return maps.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            down.Dispose();
            up.Dispose();
            decode.Dispose();
            head.Dispose();
            tags?.Dispose();
        }
        base.Dispose(disposing);
    }
}
