using Onnx;

namespace WeakSegPortal.Training.Export;

/// <summary>Collects an ONNX graph's nodes, initialisers (weights by state name), inputs and outputs.</summary>
internal sealed class OnnxGraphWriter(IReadOnlyDictionary<string, (long[] Shape, float[] Values)> weights)
{
    private const int FloatType = 1;
    private readonly GraphProto graph = new();
    private readonly HashSet<string> written = new(StringComparer.Ordinal);

    /// <summary>Adds a node with one output named <paramref name="output"/> and returns that name.</summary>
    public string Node(string op, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = $"{op}:{output}" };
        node.Input.AddRange(inputs);
        node.Output.Add(output);
        node.Attribute.AddRange(attributes);
        graph.Node.Add(node);
        return output;
    }

    /// <summary>The initialiser holding the network's tensor <paramref name="name"/> (added once), by that name.</summary>
    public string Weight(string name)
    {
        if (!weights.TryGetValue(name, out var weight))
        {
            throw new InvalidOperationException($"The network has no tensor '{name}' (it has {string.Join(", ", weights.Keys)}).");
        }
        if (written.Add(name))
        {
            var tensor = new TensorProto { Name = name, DataType = FloatType };
            tensor.Dims.AddRange(weight.Shape);
            tensor.FloatData.AddRange(weight.Values);
            graph.Initializer.Add(tensor);
        }
        return name;
    }

    /// <summary>A graph input; each dimension is a size or the name of a free (symbolic) one.</summary>
    public void Input(string name, params object[] dims) => graph.Input.Add(Value(name, dims));

    public void Output(string name, params object[] dims) => graph.Output.Add(Value(name, dims));

    public GraphProto Finish(string name)
    {
        graph.Name = name;
        return graph;
    }

    public static AttributeProto Ints(string name, params long[] values)
    {
        var attribute = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        attribute.Ints.AddRange(values);
        return attribute;
    }

    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    private static ValueInfoProto Value(string name, object[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
        {
            shape.Dim.Add(dim switch
            {
                string symbol => new TensorShapeProto.Types.Dimension { DimParam = symbol },
                int size => new TensorShapeProto.Types.Dimension { DimValue = size },
                long size => new TensorShapeProto.Types.Dimension { DimValue = size },
                _ => throw new ArgumentException($"A dimension is a size or a name, not {dim}.", nameof(dims)),
            });
        }
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = FloatType, Shape = shape } },
        };
    }
}
