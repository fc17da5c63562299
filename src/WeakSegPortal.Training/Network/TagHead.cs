using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace WeakSegPortal.Training.Network;

/// <summary>Image-level tag classifier on the U-Net's first-level (full-resolution, unpooled) features: a per-pixel linear map, then global average pooling.</summary>
/// <remarks>
/// The class activation map of tag c is M_c = Σ_k w_ck f_k + b_c at every pixel of the input (no upsampling) and the tag logit
/// is its mean over the image. A map localises only as well as its features' receptive field lets it. Measured on the
/// benchmark's 18 training images (48²): on the deepest 12×12 features (as before) the maps spread over the whole body and
/// missed the organs; on the last decoder features (whose field is the whole image) they missed them as well; with a
/// log-sum-exp (smooth maximum) pooling the classifier put a spike at one memorised spot or on noise whatever the image. On
/// the first level's features (two 3×3 convolutions, a 5×5 field) with average pooling a pixel counts only by what lies
/// around it, and the maps light up the organs.
/// </remarks>
public sealed class TagHead : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d classifier;

    public TagHead(string name, long channels, long tags) : base(name)
    {
        classifier = nn.Conv2d(channels, tags, 1);
        RegisterComponents();
    }

    /// <summary>Tag logits [batch, tags] from features [batch, channels, h, w]: the spatial mean of the activation maps.</summary>
    public override Tensor forward(Tensor features)
    {
        using var maps = ActivationMaps(features);
        return maps.mean([2L, 3L]);
    }

    /// <summary>Class activation maps [batch, tags, h, w] at the features' resolution.</summary>
    public Tensor ActivationMaps(Tensor features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return classifier.forward(features);
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
