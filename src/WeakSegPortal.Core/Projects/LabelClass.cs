namespace WeakSegPortal.Core.Projects;

/// <summary>A label class of a project. Its id never changes once labels exist; name and colour may.</summary>
/// <param name="Id">Stable id, 1 and up; 0 is background, never a class.</param>
/// <param name="Colour">CSS hex colour, #rrggbb.</param>
public sealed record LabelClass(int Id, string Name, string Colour);
