using WeakSegPortal.Imaging.Demo;
using WeakSegPortal.Imaging.Rendering;
using WeakSegPortal.Web.Slices;
using WeakSegPortal.Web.Tests.Exports;

namespace WeakSegPortal.Web.Tests.Slices;

public class SliceGzipTests
{
    [Fact]
    public async Task A_sagittal_CT_slices_gzip_form_decodes_in_Pythons_gzip_to_the_same_bytes_and_is_smaller()
    {
        var ct = new DemoVolumeGenerator(3).CreateCt(64, 48).Image;
        var body = RawSliceFormat.Encode(ct, SliceOrientation.Sagittal, 30);
        var zipped = SliceGzip.Compress(body);
        var path = Path.Combine(Path.GetTempPath(), $"weakseg-slice-{Guid.NewGuid():N}.gz");
        await File.WriteAllBytesAsync(path, zipped);
        try
        {
            var answer = await PythonOracle.RunAsync(
                "import gzip, hashlib, json, sys\n" +
                "data = gzip.decompress(open(sys.argv[1], 'rb').read())\n" +
                "print(json.dumps({'length': len(data), 'sha256': hashlib.sha256(data).hexdigest()}))\n",
                path);

            Assert.Equal(body.Length, answer.GetProperty("length").GetInt32());
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body)), answer.GetProperty("sha256").GetString());
            Assert.True(zipped.Length < body.Length, $"{zipped.Length} bytes gzipped of {body.Length}");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
