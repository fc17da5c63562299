using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Network;

/// <summary>Image-level tag classifier on the deepest U-Net features: global average pooling, then one linear layer.</summary>
/// <remarks>
/// Linear after pooling is what makes class activation maps exact: the CAM of tag c is Σ_k w_ck f_k + b_c per pixel,
/// whose spatial mean is the tag logit.
/// </remarks>
public sealed class TagHead : nn.Module<Tensor, Tensor>
{
    private readonly Linear classifier;

    public TagHead(string name, long channels, long tags) : base(name)
    {
        classifier = nn.Linear(channels, tags);
        RegisterComponents();
    }

    /// <summary>Tag logits [batch, tags] from features [batch, channels, h, w].</summary>
    public override Tensor forward(Tensor features)
    {
        using var pooled = features.mean([2L, 3L]);
        return classifier.forward(pooled);
    }

    /// <summary>Class activation maps [batch, tags, h, w] at the features' resolution.</summary>
    public Tensor ActivationMaps(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        using var scope = NewDisposeScope();
        var weights = classifier.weight!.unsqueeze(-1).unsqueeze(-1); // [tags, channels, 1, 1]
        var maps = nn.functional.conv2d(features, weights, classifier.bias);
        return maps.MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            classifier.Dispose();
        }
        base.Dispose(disposing);
    }
}
