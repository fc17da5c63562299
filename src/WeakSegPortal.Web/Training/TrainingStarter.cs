using Marten;
using Microsoft.Extensions.Options;
using WeakSegPortal.Core;
using WeakSegPortal.Core.Projects;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Imaging.Storage;
using WeakSegPortal.ML.Models;
using WeakSegPortal.Web.Options;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// A manager starts a training job from the training page: the configuration checked, an uploaded starting checkpoint's header
/// read (<see cref="CheckpointFormat.ReadHeader"/>) and matched to the project's network (<see cref="UNetOptions.For"/>, <see cref="CheckpointFormat.Mismatch"/>)
/// before anything is stored — an incompatible file is refused with that sentence — then stored as a blob and the job requested.
/// </summary>
public sealed class TrainingStarter(IQuerySession query, IBlobStore blobs, RequestTrainingHandler requests, IOptions<TrainingOptions> options)
{
    public const string CheckpointField = "Checkpoint";

    public async Task<CommandResult> StartAsync(Guid projectId, Guid by, bool byManager, TrainingConfig config, Stream? checkpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!byManager)
        {
            return CommandResult.Refused("", RequestTrainingHandler.NotManager);
        }
        if (TrainingConfigRules.Validate(config) is { Count: > 0 } errors)
        {
            return CommandResult.Refused(errors);
        }
        if (await query.LoadAsync<ProjectSummary>(projectId, ct) is not { } project)
        {
            return CommandResult.Refused("", "This project does not exist.");
        }
        if (await query.Events.AggregateStreamAsync<TrainingSlot>(ModelStreams.TrainingSlot(projectId), token: ct) is { OpenJobId: not null } busy)
        {
            return CommandResult.Refused("", busy.BusyMessage());
        }
        string? hash = null;
        if (checkpoint is not null)
        {
            var (key, refusal) = await StoreCheckpointAsync(checkpoint, UNetOptions.For(config, project.Classes.Count == 0 ? 1 : project.Classes.Max(c => c.Id)), ct);
            if (refusal is not null)
            {
                return CommandResult.Refused(CheckpointField, refusal);
            }
            hash = key;
        }
        var reason = hash is null ? "Started by a project manager." : "Started by a project manager from an uploaded checkpoint.";
        return await requests.HandleAsync(new RequestTraining(projectId, by, byManager, config, reason, hash), ct);
    }

    /// <summary>Copies the upload aside (at most Training:MaxBlobBytes), checks its header, and stores it only when it fits.</summary>
    private async Task<(string? Hash, string? Refusal)> StoreCheckpointAsync(Stream upload, UNetOptions expected, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"weakseg-checkpoint-{Guid.NewGuid():N}");
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous | FileOptions.DeleteOnClose);
            try
            {
                await new CappedReadStream(upload, options.Value.MaxBlobBytes).CopyToAsync(file, ct);
            }
            catch (BlobTooLargeException e)
            {
                return (null, e.Message);
            }
            file.Position = 0;
            try
            {
                using var reader = new BinaryReader(file, System.Text.Encoding.UTF8, leaveOpen: true);
                var header = CheckpointFormat.ReadHeader(reader);
                if (CheckpointFormat.Mismatch(header.Network, expected) is { } mismatch)
                {
                    return (null, mismatch);
                }
            }
            catch (IncompatibleCheckpointException e)
            {
                return (null, e.Message);
            }
            file.Position = 0;
            var key = await blobs.PutAsync(file, ct);
            return (key.Hex, null);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
