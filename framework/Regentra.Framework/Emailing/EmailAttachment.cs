namespace Regentra.Framework.Emailing;

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
