using WeakSegPortal.Training.Export;
using WeakSegPortal.Training.Network;

namespace WeakSegPortal.Worker;

/// <summary>The trained network as the ONNX file that serves the project's suggestions ("project-model").</summary>
public static class TrainedModelExport
{
    public static byte[] Onnx(UNet network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return UNetOnnxExport.ToBytes(network);
    }
}
