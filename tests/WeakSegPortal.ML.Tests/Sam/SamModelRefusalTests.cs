using WeakSegPortal.ML.Embeddings;
using WeakSegPortal.ML.Sam;
using WeakSegPortal.ML.Tests.Support;

namespace WeakSegPortal.ML.Tests.Sam;

public sealed class SamModelRefusalTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_decoder_with_a_mask_input_of_the_wrong_size_is_refused_naming_the_input_and_both_shapes()
    {
        var options = new SamTestModels(_temp.Path) { MaskInputSizeOverride = 128 }.Write(SamFamily.Sam);

        var error = Assert.Throws<ModelRefusedException>(() => Load(options));

        Assert.Equal("Sam-decoder.onnx is not a Sam decoder: input 'mask_input' has shape [1,1,128,128], expected [1,1,256,256].", error.Message);
    }

    [Fact]
    public void A_decoder_without_point_labels_is_refused()
    {
        var options = new SamTestModels(_temp.Path) { DropDecoderInput = "point_labels" }.Write(SamFamily.MobileSam);

        var error = Assert.Throws<ModelRefusedException>(() => Load(options));

        Assert.Equal("MobileSam-decoder.onnx is not a MobileSam decoder: input 'point_labels' is missing.", error.Message);
    }

    [Fact]
    public void A_SAM_Med2D_decoder_given_as_SAM_is_refused_for_its_embedding_size()
    {
        var med2D = new SamTestModels(_temp.Path).Write(SamFamily.SamMed2D);

        var error = Assert.Throws<ModelRefusedException>(() => Load(med2D with { Family = SamFamily.Sam }));

        Assert.Equal("SamMed2D-encoder.onnx is not a Sam encoder: input 'image' has shape [1,3,256,256], expected [1,3,1024,1024]; output 'image_embeddings' has shape [1,256,16,16], expected [1,256,64,64].", error.Message);
    }

    [Fact]
    public void An_encoder_with_128_embedding_channels_is_refused()
    {
        var options = new SamTestModels(_temp.Path) { EmbeddingChannelsOverride = 128 }.Write(SamFamily.Sam);

        var error = Assert.Throws<ModelRefusedException>(() => Load(options));

        Assert.Equal("Sam-encoder.onnx is not a Sam encoder: output 'image_embeddings' has shape [1,128,64,64], expected [1,256,64,64].", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_ONNX_is_refused_with_its_name()
    {
        var options = new SamTestModels(_temp.Path).Write(SamFamily.Sam);
        File.WriteAllText(options.EncoderPath, "not a model");

        var error = Assert.Throws<ModelRefusedException>(() => Load(options));

        Assert.StartsWith("Sam-encoder.onnx is not a loadable ONNX model:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_path()
    {
        var options = new SamModelOptions(SamFamily.Sam, _temp.File("nope.onnx"), _temp.File("nope2.onnx"));

        var error = Assert.Throws<ModelRefusedException>(() => Load(options));

        Assert.Contains("nope.onnx does not exist", error.Message, StringComparison.Ordinal);
    }

    private static SamEngine Load(SamModelOptions options) =>
        SamEngine.Load("sam", options, new OnnxSessionFactory { PreferCuda = false }, new TieredEmbeddingCache(new MemoryEmbeddingCache(1 << 20), null));
}
