namespace Regentra.Framework.Emailing;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "Regentra <no-reply@regentra.local>";

    /// <summary>Where .eml files go when no SMTP host is configured. Relative paths are under the content root.</summary>
    public string PickupDirectory { get; set; } = "App_Data/mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>A Message-ID (without angle brackets) made of <paramref name="localPart"/> and the domain of <see cref="From"/>.</summary>
    public string MessageIdFor(string localPart) =>
        $"{localPart}@{(MimeKit.MailboxAddress.TryParse(From, out var from) && from.Domain is { Length: > 0 } domain ? domain : "regentra.local")}";
}
