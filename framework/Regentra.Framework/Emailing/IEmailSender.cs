namespace Regentra.Framework.Emailing;

/// <summary>Sends mail. Development writes .eml files to a folder; production speaks SMTP.</summary>
public interface IEmailSender
{
    /// <summary>
    /// Hands the message to the mail server (or the pickup folder). Throws <see cref="EmailRejectedException"/> when the
    /// server refuses it for good (trying again would not help), any other exception when it may go through later.
    /// </summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}
