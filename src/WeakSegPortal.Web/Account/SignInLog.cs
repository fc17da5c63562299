namespace WeakSegPortal.Web.Account;

/// <summary>Structured log lines of sign-in; failures carry user name and address for audits.</summary>
internal static partial class SignInLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "User {UserName} signed in")]
    public static partial void SignedIn(ILogger logger, string userName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed sign-in for {UserName} from {Address}")]
    public static partial void Failed(ILogger logger, string userName, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for {UserName} from {Address} refused: too many failures")]
    public static partial void Throttled(ILogger logger, string userName, string address);

    /// <summary>Only the lengths: an over-long field is never written to the log.</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in from {Address} refused: over-long fields (user name {UserNameLength}, password {PasswordLength} characters)")]
    public static partial void TooLong(ILogger logger, string address, int userNameLength, int passwordLength);
}
