using static WeakSegPortal.Testing.OnnxGraph;

namespace WeakSegPortal.Testing;

/// <summary>
/// Tiny ONNX files with a project model's signature (input "image" [batch, channels, height, width], output
/// "probabilities" [batch, classes, height, width]; names spelt here independently of ML's check), shared by the ML and
/// Worker tests. A 1×1 convolution of the centre channel and a softmax: class 1 where the windowed intensity is above
/// 0.7 (p ≈ 0.98 at 0.9), background below, every other class never.
/// </summary>
public static class ProjectTestModels
{
    public static void Write(string path, int neighbourSlices = 1, int classes = 3, string inputName = "image", string outputName = "probabilities")
    {
        var channels = 1 + (2 * neighbourSlices);
        var weights = new float[classes * channels];
        weights[neighbourSlices] = -10;             // background: 7 − 10·x
        weights[channels + neighbourSlices] = 10;   // class 1: 10·x − 7
        var bias = Enumerable.Range(0, classes).Select(c => c switch { 0 => 7f, 1 => -7f, _ => -20f }).ToArray();
        Save(path,
            [Tensor(inputName, null, channels, null, null)],
            [Tensor(outputName, null, classes, null, null)],
            [
                Node("Conv", [inputName, "w", "b"], ["logits"], Ints("kernel_shape", 1, 1)),
                Node("Softmax", ["logits"], [outputName], Scalar("axis", 1)),
            ],
            [Floats("w", [classes, channels, 1, 1], weights), Floats("b", [classes], bias)]);
    }
}
