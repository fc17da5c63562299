using WeakSegPortal.Training.Network;

namespace WeakSegPortal.Worker;

/// <summary>The trained network as the ONNX file that serves the project's suggestions ("project-model").</summary>
public static class TrainedModelExport
{
    public static byte[] Onnx(UNet network)
    {
        ArgumentNullException.ThrowIfNull(network);
        throw new NotSupportedException("This worker cannot export the trained network to ONNX yet (Training/Export/UNetOnnxExport.cs has not landed).");
    }
}
