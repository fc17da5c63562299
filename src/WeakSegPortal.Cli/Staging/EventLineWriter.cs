using WeakSegPortal.Imaging.Staging;

namespace WeakSegPortal.Cli.Staging;

/// <summary>Writes stage events as JSON lines, flushed one by one so that the reader sees each as it happens.</summary>
internal sealed class EventLineWriter(TextWriter output)
{
    private readonly Lock _gate = new();

    public void Write(StageEvent stageEvent)
    {
        lock (_gate)
        {
            output.WriteLine(stageEvent.ToLine());
            output.Flush();
        }
    }
}
