using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Regentra.Framework.Emailing;

/// <summary>
/// Writes each message as an .eml file: open it in any mail client to see exactly what would be sent. The file is
/// written under a temporary name and renamed when complete, so whatever reads the folder never sees half a message.
/// </summary>
public sealed partial class PickupDirectoryEmailSender(IOptions<EmailOptions> options, string directory, ILogger<PickupDirectoryEmailSender> logger)
    : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        var partial = path + ".partial";
        await MimeMessages.Build(options.Value, message).WriteToAsync(partial, cancellationToken);
        File.Move(partial, path);
        LogWritten(logger, message.Subject, message.To, path);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Email '{Subject}' to {To} written to {Path} (no SMTP host configured)")]
    private static partial void LogWritten(ILogger logger, string subject, string to, string path);
}
