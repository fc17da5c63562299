using WeakSegPortal.Core.Projects;

namespace WeakSegPortal.Web.Seeding;

/// <summary>The demo project's settings: an abdominal CT with weak label kinds allowed, and masks accepted from suggestions.</summary>
internal static class DemoProject
{
    public static ProjectDraft Draft() => new()
    {
        Name = "Demo: abdominal CT (synthetic)",
        Description = "Synthetic CT-like volumes with organ-like structures; ground truth is known, so agreement can be checked.",
        Modality = Modality.CT,
        Classes =
        [
            new() { Name = "Liver", Colour = "#e6194b" },
            new() { Name = "Kidney", Colour = "#3cb44b" },
            new() { Name = "Spleen", Colour = "#4363d8" },
            new() { Name = "Lesion", Colour = "#f58231" },
        ],
        AllowedKinds = [AnnotationKind.Tag, AnnotationKind.Box, AnnotationKind.Scribble, AnnotationKind.Point, AnnotationKind.Mask],
        AnnotatorsPerItem = 3,
        GoldRate = 0.1,
        Guidelines = "Box each organ tightly on the slice where it is largest. Scribble inside the organ, away from its edge; scribble background around it. Click once in the centre of each lesion.",
    };
}
