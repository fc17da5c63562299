using WeakSegPortal.Core.Exports;
using WeakSegPortal.Web.Cluster;

namespace WeakSegPortal.Web.Exports;

/// <summary>Tells open export pages in this process that an export of their project changed; <see cref="ExportBroadcast"/>
/// brings it the changes stored on any node.</summary>
public sealed class ExportNotifier(ILogger<ExportNotifier> log) : ProjectPageNotifier<ExportChange>(log)
{
    protected override Guid ProjectOf(ExportChange change) => change.ProjectId;

    public override string Describe(ExportChange change) => $"export {change.ExportId} ({change.Kind})";
}
