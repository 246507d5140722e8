using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Regentra.Framework.Emailing;

/// <summary>
/// Speaks SMTP through MailKit. A permanent refusal (a 5xx reply to the sender, a recipient or the message) becomes
/// <see cref="EmailRejectedException"/>; once the server has accepted the message, a failure to say goodbye is only logged,
/// because the message is on its way and reporting a failure would make the caller send it again.
/// </summary>
public sealed partial class SmtpEmailSender(IOptions<EmailOptions> options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(smtp.Host ?? throw new InvalidOperationException("Email:Smtp:Host is not set."), smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? string.Empty, cancellationToken);
        }

        try
        {
            await client.SendAsync(MimeMessages.Build(options.Value, message), cancellationToken);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500)
        {
            throw new EmailRejectedException($"The mail server refused the message to {message.To}: {(int)e.StatusCode} {e.Message}", e);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogQuitFailed(logger, message.To, smtp.Host, e.Message);
        }

        LogSent(logger, message.Subject, message.To, smtp.Host);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email '{Subject}' sent to {To} through {Host}")]
    private static partial void LogSent(ILogger logger, string subject, string to, string host);

    [LoggerMessage(Level = LogLevel.Information, Message = "The mail server {Host} accepted the email to {To} but closing the connection failed: {Reason}")]
    private static partial void LogQuitFailed(ILogger logger, string to, string host, string reason);
}
