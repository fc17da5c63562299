using WeakSegPortal.Core.Qa;
using WeakSegPortal.Web.Qa;

namespace WeakSegPortal.Web.Tests.Qa;

public sealed class AssistanceLineTests
{
    [Fact]
    public void An_item_with_suggestions_taken_shows_assisted_and_manual_labels_and_their_agreement_apart()
    {
        var summary = new ItemAgreementSummary { AssistedAnnotations = 3, ManualAnnotations = 1, AssistedAgreement = 0.91, ManualAgreement = null };
        Assert.Equal("assisted: 3 labels, agreement 0.91 · manual: 1 label, agreement —", AssistanceLine.Of(summary));
    }

    [Fact]
    public void An_item_drawn_by_hand_says_so()
    {
        Assert.Equal("manual: all 5 labels", AssistanceLine.Of(new ItemAgreementSummary { ManualAnnotations = 5, ManualAgreement = 0.7 }));
    }
}
