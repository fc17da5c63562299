namespace WeakSegPortal.ML.Propagation;

/// <summary>
/// One slice of a propagation: the engine's answer for <paramref name="Slice"/>, made from the mask of <paramref name="From"/>;
/// <paramref name="Stop"/> is set when <see cref="PropagationStop"/> ended the run there (the slice is then not proposed).
/// </summary>
public sealed record PropagationStep<TAnswer>(int Slice, int From, int Direction, TAnswer Answer, bool[]? Mask, string? Stop)
{
    public bool Proposed => Stop is null;
}
