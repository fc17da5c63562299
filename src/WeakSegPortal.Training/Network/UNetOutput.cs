using static TorchSharp.torch;

namespace WeakSegPortal.Training.Network;

/// <summary>What one pass of the U-Net gives: per-pixel class logits, and image-level tag logits where the net has a tag head.</summary>
/// <param name="Logits">[batch, classes, height, width].</param>
/// <param name="TagLogits">[batch, tags], or null without a tag head.</param>
/// <param name="Features">The first level's features [batch, base channels, height, width] that the tag head reads (for class activation maps).</param>
/// <param name="TagMaps">The tag head's class activation maps [batch, tags, height, width] whose spatial means are the tag logits; null without tag logits.</param>
public sealed record UNetOutput(Tensor Logits, Tensor? TagLogits, Tensor Features, Tensor? TagMaps = null);
