using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace WeakSegPortal.ML.Sam;

/// <summary>An input or output a SAM model must have: its name and shape, null where any size (or a symbolic one) will do.</summary>
internal sealed record TensorSpec(string Name, int?[] Shape)
{
    public static string Format(IEnumerable<int?> shape) => $"[{string.Join(",", shape.Select(d => d?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"))}]";

    /// <summary>Null when the model's tensor fits; otherwise what is wrong, in words.</summary>
    public string? Mismatch(NodeMetadata actual, string role)
    {
        if (actual.ElementDataType != TensorElementType.Float)
        {
            return $"{role} '{Name}' holds {actual.ElementDataType}, expected float32";
        }

        var dims = actual.Dimensions;
        var fits = dims.Length == Shape.Length
            && dims.Select((d, i) => Shape[i] is not { } want || d < 0 || d == want).All(ok => ok);
        return fits ? null : $"{role} '{Name}' has shape {Format(dims.Select(d => d < 0 ? (int?)null : d))}, expected {Format(Shape)}";
    }
}
