using WeakSegPortal.Web.Components.Pages.Annotate;

namespace WeakSegPortal.Web.Tests.Components;

/// <summary>What Submit and Skip say while labels wait: the connection is blamed only when it is down.</summary>
public sealed class SaveStateTests
{
    [Fact]
    public void Offline_the_annotator_is_told_the_labels_wait_for_the_connection()
    {
        var text = new SaveState(3, Online: false, Reason: "disconnected").Explain("submit");
        Assert.Equal("You are offline: 3 labels are kept in this browser and sent when the connection is back. Then submit again.", text);
    }

    [Fact]
    public void Online_the_reason_of_the_last_send_is_given_and_the_connection_is_not_blamed()
    {
        var text = new SaveState(1, Online: true, Reason: "The server could not store this label just now (error 0123456789ab); it is kept and sent again.").Explain("skip");
        Assert.StartsWith("1 label is still being saved (The server could not store this label just now (error 0123456789ab)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("connection", text, StringComparison.OrdinalIgnoreCase);
        Assert.EndsWith("skip again in a moment.", text, StringComparison.Ordinal);
    }
}
