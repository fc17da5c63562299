using WeakSegPortal.Imaging.Dicom.Segmentation;

namespace WeakSegPortal.Web.Exports;

/// <summary>
/// The coded category and type of a class's segment: SNOMED CT for the organs and findings a class name plainly names
/// (DICOM CID 7150/7151 and 7153), otherwise the project's own class under the private scheme <c>99WSP</c> (code value = class id),
/// since a guessed code would claim more than the project said.
/// </summary>
public static class SegmentCodes
{
    public const string PrivateScheme = "99WSP";

    private static readonly CodedConcept Anatomical = new("123037004", "SCT", "Anatomical Structure");
    private static readonly CodedConcept MorphologicallyAltered = new("49755003", "SCT", "Morphologically Altered Structure");

    private static readonly Dictionary<string, (CodedConcept Category, CodedConcept Type)> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["liver"] = (Anatomical, new("10200004", "SCT", "Liver")),
        ["kidney"] = (Anatomical, new("64033007", "SCT", "Kidney")),
        ["spleen"] = (Anatomical, new("78961009", "SCT", "Spleen")),
        ["pancreas"] = (Anatomical, new("15776009", "SCT", "Pancreas")),
        ["lung"] = (Anatomical, new("39607008", "SCT", "Lung")),
        ["heart"] = (Anatomical, new("80891009", "SCT", "Heart")),
        ["brain"] = (Anatomical, new("12738006", "SCT", "Brain")),
        ["aorta"] = (Anatomical, new("15825003", "SCT", "Aorta")),
        ["bone"] = (Anatomical, new("272673000", "SCT", "Bone")),
        ["tumour"] = (MorphologicallyAltered, new("108369006", "SCT", "Neoplasm")),
        ["tumor"] = (MorphologicallyAltered, new("108369006", "SCT", "Neoplasm")),
        ["lesion"] = (MorphologicallyAltered, new("52988006", "SCT", "Lesion")),
    };

    public static (CodedConcept Category, CodedConcept Type) Of(int classId, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Known.TryGetValue(name.Trim(), out var known)
            ? known
            : (new CodedConcept("class", PrivateScheme, "Project label class"), new CodedConcept(classId.ToString(System.Globalization.CultureInfo.InvariantCulture), PrivateScheme, name.Trim().Length > 0 ? name.Trim() : $"Class {classId}"));
    }
}
