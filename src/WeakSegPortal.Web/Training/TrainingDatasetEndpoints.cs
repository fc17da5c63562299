using Marten;
using WeakSegPortal.Core.Training;
using WeakSegPortal.Web.Workers;

namespace WeakSegPortal.Web.Training;

/// <summary>
/// <c>GET /api/worker/training/{jobId}/dataset?attempt=N</c>: the job's <see cref="ML.Jobs.TrainingDataset"/> for the worker
/// holding attempt N (its token; no cookie). 404 for an unknown job; 409 when attempt N no longer holds the claim.
/// </summary>
public static class TrainingDatasetEndpoints
{
    public const string Pattern = "/api/worker/training/{jobId:guid}/dataset";

    public static IEndpointRouteBuilder MapTrainingDatasetEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet(Pattern, DatasetAsync).RequireAuthorization(WorkerToken.Policy);
        return routes;
    }

    private static async Task<IResult> DatasetAsync(Guid jobId, int? attempt, IQuerySession session, TrainingDatasetBuilder builder, CancellationToken ct)
    {
        if (attempt is null)
        {
            return Results.Problem("Name the attempt that holds the job: ?attempt=N.", statusCode: StatusCodes.Status400BadRequest);
        }
        if (await session.LoadAsync<TrainingJob>(jobId, ct) is not { } job)
        {
            return Results.Problem("No such training job.", statusCode: StatusCodes.Status404NotFound);
        }
        if (job.Attempt != attempt || job.Status != TrainingJobStatus.Running)
        {
            return Results.Problem($"Attempt {attempt} no longer holds this training job (it is {job.Status}, attempt {job.Attempt}).", statusCode: StatusCodes.Status409Conflict);
        }
        return await builder.BuildAsync(job, ct) is { } dataset
            ? Results.Json(dataset)
            : Results.Problem("The job's project no longer exists.", statusCode: StatusCodes.Status404NotFound);
    }
}
