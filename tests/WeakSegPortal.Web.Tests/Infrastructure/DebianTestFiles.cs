namespace WeakSegPortal.Web.Tests.Infrastructure;

/// <summary>Real DICOM files shipped by Debian's python3-pydicom (installed by the test command).</summary>
public static class DebianTestFiles
{
    public const string PydicomFolder = "/usr/lib/python3/dist-packages/pydicom/data/test_files";

    public static string Pydicom(string name)
    {
        var path = Path.Combine(PydicomFolder, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: the test command installs python3-pydicom.", path);
    }
}
