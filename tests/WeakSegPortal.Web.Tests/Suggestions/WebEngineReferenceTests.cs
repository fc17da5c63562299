using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using WeakSegPortal.Web.Suggestions;

namespace WeakSegPortal.Web.Tests.Suggestions;

/// <summary>
/// The web app uses ML for the worker contract and the two classical engines only: no type of SAM, the engine
/// registry (which makes SAM engines) or ONNX Runtime is named anywhere in its assembly, so it never loads a model
/// and never needs ONNX Runtime's native libraries (left out of its output by ExcludeAssets="native").
/// </summary>
public sealed class WebEngineReferenceTests
{
    private static readonly string[] Forbidden = ["SamEngine", "SuggestionEngineRegistry", "OnnxSessionFactory", "InferenceSession", "SessionOptions"];

    [Fact]
    public void The_web_assembly_names_no_SAM_engine_no_engine_registry_and_no_ONNX_Runtime_type()
    {
        using var stream = File.OpenRead(typeof(InProcessEngines).Assembly.Location);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        var referenced = metadata.TypeReferences
            .Select(h => metadata.GetTypeReference(h))
            .Select(t => $"{metadata.GetString(t.Namespace)}.{metadata.GetString(t.Name)}")
            .ToList();

        Assert.Contains("WeakSegPortal.ML.Classical.GrabCutBoxEngine", referenced);
        Assert.DoesNotContain(referenced, name => Forbidden.Any(f => name.EndsWith("." + f, StringComparison.Ordinal)) || name.StartsWith("Microsoft.ML.OnnxRuntime", StringComparison.Ordinal));
    }
}
