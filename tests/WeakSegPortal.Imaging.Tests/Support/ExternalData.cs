namespace WeakSegPortal.Imaging.Tests.Support;

/// <summary>Where Debian's packages put the real files these tests read (python3-pydicom, python3-nibabel, libgdcm3.0).</summary>
internal static class ExternalData
{
    public const string PydicomFiles = "/usr/lib/python3/dist-packages/pydicom/data/test_files";
    public const string NibabelFiles = "/usr/lib/python3/dist-packages/nibabel/tests/data";
    public const string GdcmExample = "/usr/share/doc/libgdcm3.0/examples/00191113.dcm";

    public static string Pydicom(string name) => Existing(Path.Combine(PydicomFiles, name), "python3-pydicom");

    public static string Nibabel(string name) => Existing(Path.Combine(NibabelFiles, name), "python3-nibabel");

    private static string Existing(string path, string package) =>
        File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: install the Debian package {package}.");
}
