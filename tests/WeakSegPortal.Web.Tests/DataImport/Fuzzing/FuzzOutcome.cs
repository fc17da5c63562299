using WeakSegPortal.Web.DataImport;

namespace WeakSegPortal.Web.Tests.DataImport.Fuzzing;

/// <summary>What became of one fuzz input: a class for the counts and the message the import gave.</summary>
public sealed record FuzzOutcome(FuzzInput Input, string Class, string Message)
{
    public const string Imported = "imported", TimedOut = "timed out", Crashed = "crashed decoder", GaveUp = "decoder gave up";
    public const string ReaderError = "refused: unexpected reader error", Missing = "NO OUTCOME", PortalError = "PORTAL ERROR";

    /// <summary>
    /// The input's outcome in the import report: its own line, or for a zip the lines of its entries
    /// (imported when any entry became an item, else the first refusal).
    /// </summary>
    /// <summary>An outcome that points at a fault to fix: no outcome, a failed request, a crash, a hang, an unexpected reader error.</summary>
    public bool IsFinding => Class is Missing or PortalError or Crashed or TimedOut or ReaderError;

    public static FuzzOutcome Of(FuzzInput input, IReadOnlyList<ImportFileResult> files)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(files);
        var lines = files.Where(f => f.File == input.Name || f.File.StartsWith(input.Name + "/", StringComparison.Ordinal)).ToList();
        if (lines.Count == 0)
        {
            return new FuzzOutcome(input, Missing, "");
        }
        if (lines.FirstOrDefault(l => l.Accepted) is { } accepted)
        {
            return new FuzzOutcome(input, Imported, accepted.Message);
        }
        // A failure of the decoder outranks the other refusals of an archive's entries.
        var worst = lines.FirstOrDefault(l => ClassOf(l.Message) is TimedOut or Crashed or GaveUp or ReaderError) ?? lines[0];
        return new FuzzOutcome(input, ClassOf(worst.Message), worst.Message);
    }

    private static readonly string[] ArchiveRefusals =
        ["Refused from the archive", "Unpacking stopped", "An archive inside an archive", "The upload is not a readable zip", "The zip archive's directory"];

    public static string ClassOf(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        bool Has(string s) => message.Contains(s, StringComparison.OrdinalIgnoreCase);
        return message switch
        {
            _ when message.StartsWith(StagingDecoder.TimeoutReasonStart, StringComparison.Ordinal) => TimedOut,
            StagingDecoder.CrashReason => Crashed,
            _ when Has("decoder stopped before reaching") => GaveUp,
            _ when message.StartsWith("The image could not be decoded (", StringComparison.Ordinal) => ReaderError,
            _ when message.StartsWith("Duplicate", StringComparison.Ordinal) => "refused: duplicate",
            _ when Has("empty") => "refused: empty",
            _ when ArchiveRefusals.Any(a => message.StartsWith(a, StringComparison.Ordinal)) => "refused: archive",
            _ when Has("truncated") || Has("ends before") || Has("too short") || Has("shorter than") => "refused: truncated",
            _ when Has("not supported") || Has("unsupported") => "refused: unsupported",
            _ when Has("series") || Has("slice") => "refused: inconsistent series",
            _ when Has("not a DICOM") || Has("not an image") || Has("no NIfTI") || Has("not a ") || Has("not recognised") || Has("unknown format") => "refused: not an image",
            _ => "refused: damaged or invalid",
        };
    }
}
