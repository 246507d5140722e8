using System.Text;
using MimeKit;

namespace Regentra.TestBase;

/// <summary>An email as its recipient reads it: headers decoded, text body without transfer encoding.</summary>
public sealed record SentMail(string To, string Subject, string TextBody);

public static class Mailbox
{
    /// <summary>The emails written so far, decoded (an .eml body may be quoted-printable, which breaks long links).</summary>
    public static IReadOnlyList<SentMail> SentMails(this RegentraApp app) =>
        app.Mails().Select(Parse).ToList();

    /// <summary>The emails sent to <paramref name="address"/>.</summary>
    public static IReadOnlyList<SentMail> SentTo(this RegentraApp app, string address) =>
        app.SentMails().Where(m => string.Equals(m.To, address, StringComparison.OrdinalIgnoreCase)).ToList();

    private static SentMail Parse(string eml)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(eml));
        var message = MimeMessage.Load(stream);
        var to = message.To.Mailboxes.Single().Address;
        return new SentMail(to, message.Subject ?? string.Empty, message.TextBody ?? string.Empty);
    }
}
