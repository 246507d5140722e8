namespace Regentra.Framework.Emailing;

/// <summary>The mail server refused a message permanently (an SMTP 5xx reply such as "no such recipient"): sending it again would not help.</summary>
public sealed class EmailRejectedException : Exception
{
    public EmailRejectedException()
    {
    }

    public EmailRejectedException(string message)
        : base(message)
    {
    }

    public EmailRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
