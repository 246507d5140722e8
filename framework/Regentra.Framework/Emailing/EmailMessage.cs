namespace Regentra.Framework.Emailing;

public sealed record EmailMessage(string To, string Subject, string TextBody)
{
    public string? HtmlBody { get; init; }

    /// <summary>
    /// The Message-ID header, without angle brackets. Give one that stays the same for every delivery of the same
    /// message: mail clients then show a repeated delivery once. Left out, a new one is made for each delivery.
    /// </summary>
    public string? MessageId { get; init; }

    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}
