using WeakSegPortal.Core;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Imaging.Raster;
using WeakSegPortal.Imaging.Storage;

namespace WeakSegPortal.Web.Guidelines;

/// <summary>Checks an uploaded example image (PNG or JPEG, size-capped, decoded in full), stores it by content and adds it to the guidelines.</summary>
public sealed class GuidelineImageIntake(IBlobStore blobs, GuidelineExamplesHandler examples)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public async Task<CommandResult> AddAsync(Guid projectId, Stream image, string caption, Guid by, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await image.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return CommandResult.Refused("Image", $"The image is larger than {MaxBytes / (1024 * 1024)} MB.");
            }
            buffer.Write(chunk, 0, read);
        }
        if (Sniff(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is null)
        {
            return CommandResult.Refused("Image", "Only PNG and JPEG images can be examples.");
        }
        // Served to the team's browsers: it must be the image it claims to be, decoded to the last pixel.
        var (contentType, problem) = EncodedImageCheck.Check(buffer.GetBuffer(), (int)buffer.Length);
        if (contentType is null)
        {
            return CommandResult.Refused("Image", problem!);
        }
        buffer.Position = 0;
        var key = await blobs.PutAsync(buffer, ct);
        return await examples.HandleAsync(new AddGuidelineExample(projectId, key.Hex, contentType, caption, by), ct);
    }

    /// <summary>The content type from the file's first bytes; the name and the browser's claim are not trusted.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;
}
