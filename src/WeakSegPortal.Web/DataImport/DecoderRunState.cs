using WeakSegPortal.Imaging.Staging;

namespace WeakSegPortal.Web.DataImport;

/// <summary>What the decoder runs of one import have reported so far, and what a re-run must leave out.</summary>
internal sealed class DecoderRunState
{
    private readonly List<DecodedItem> _items = [];
    private readonly List<RefusedFile> _refused = [];
    private readonly HashSet<string> _refusedFiles = new(StringComparer.Ordinal);
    private IReadOnlyList<string> _currentFiles = [];

    public HashSet<string> SkippedUnits { get; } = new(StringComparer.Ordinal);
    public HashSet<string> SkippedFiles { get; } = new(StringComparer.Ordinal);
    public string? CurrentUnit { get; private set; }
    public string? CurrentScanFile { get; private set; }
    public int UnitsDone { get; private set; }
    public int UnitsTotal { get; private set; }

    /// <summary>Takes one event in; true when the run reported that it finished.</summary>
    public bool Apply(StageEvent e)
    {
        switch (e.Event)
        {
            case StageEvent.Scan:
                CurrentScanFile = e.File;
                break;
            case StageEvent.Plan:
                CurrentScanFile = null;
                UnitsTotal = UnitsDone + (e.Units ?? 0);
                break;
            case StageEvent.Start:
                FinishUnit();
                CurrentUnit = e.Unit;
                _currentFiles = e.Files ?? [];
                break;
            case StageEvent.Item when e.Volume is not null:
                _items.Add(new DecodedItem(e.Volume, e.Files ?? []));
                break;
            case StageEvent.Refused when e.File is not null:
                Refuse(e.File, e.Reason ?? "Refused by the image decoder.");
                break;
            case StageEvent.Done:
                FinishUnit();
                CurrentScanFile = null;
                return true;
        }
        return false;
    }

    /// <summary>Refuses the unit or header the dead run was on; false when it was on neither.</summary>
    public bool RefuseWhatCrashed(string reason)
    {
        if (CurrentUnit is { } unit)
        {
            foreach (var file in _currentFiles)
            {
                Refuse(file, reason);
            }
            SkippedUnits.Add(unit);
            UnitsDone++;
            CurrentUnit = null;
            return true;
        }
        if (CurrentScanFile is { } file1)
        {
            Refuse(file1, reason);
            SkippedFiles.Add(file1);
            CurrentScanFile = null;
            return true;
        }
        return false;
    }

    /// <summary>Every staged file ends up accepted or refused, even when the decoder gave up early.</summary>
    public void RefuseUnaccounted(string stagingFolder, string reason)
    {
        var accounted = _items.SelectMany(i => i.Files).ToHashSet(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(stagingFolder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(stagingFolder, path).Replace(Path.DirectorySeparatorChar, '/');
            if (!accounted.Contains(relative))
            {
                Refuse(relative, reason);
            }
        }
    }

    public StagingResult ToResult() => new([.. _items], [.. _refused]);

    private void FinishUnit()
    {
        if (CurrentUnit is { } unit)
        {
            SkippedUnits.Add(unit);
            UnitsDone++;
        }
        CurrentUnit = null;
        _currentFiles = [];
    }

    private void Refuse(string file, string reason)
    {
        if (_refusedFiles.Add(file))
        {
            _refused.Add(new RefusedFile(file, reason));
        }
    }
}
