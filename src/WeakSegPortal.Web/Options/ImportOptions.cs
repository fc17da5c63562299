using System.ComponentModel.DataAnnotations;

namespace WeakSegPortal.Web.Options;

/// <summary>Limits and tools of image import (section "Import").</summary>
public sealed class ImportOptions
{
    public const string Section = "Import";

    /// <summary>Largest upload accepted in one import, in bytes (browser and API); zips count unpacked.</summary>
    [Range(1024L, long.MaxValue)]
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Most files picked in the browser at once.</summary>
    [Range(1, 100_000)]
    public int MaxFiles { get; set; } = 5_000;

    /// <summary>How often the decoder is started for one import when it keeps crashing on damaged files.</summary>
    [Range(1, 50)]
    public int MaxDecoderRuns { get; set; } = 5;

    /// <summary>
    /// Longest the decoder may spend on one unit (a DICOM series, one file, one header) before it is
    /// killed, that unit refused as timed out and the rest of the import decoded by a fresh run.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DecodeTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The `weakseg` decoder: a .dll run by the dotnet host, or an executable; default weakseg.dll beside the portal.</summary>
    public string? DecoderPath { get; set; }

    /// <summary>Where uploads are staged while they are decoded; default the system temp folder.</summary>
    public string? StagingRoot { get; set; }
}
