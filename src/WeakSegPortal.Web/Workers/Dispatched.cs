using WeakSegPortal.ML.Jobs;

namespace WeakSegPortal.Web.Workers;

/// <summary>A suggestion job's answer and where it came from: a worker's name or "web"; <see cref="Retried"/> when the first try failed.</summary>
public sealed record Dispatched(SuggestionJobResult Result, string RanOn, bool Retried);
