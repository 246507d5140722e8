using Regentra.Framework.Validation;

namespace Regentra.Billing.StripeAccounts;

internal enum StripeMode
{
    Test,
    Live,
}

/// <summary>
/// What Stripe's key prefixes say: pk_ publishable, sk_ secret, rk_ restricted, each _test_ or _live_. A publishable
/// key in the secret field, or keys of two modes, are refused before anything is sent to Stripe.
/// </summary>
internal static class StripeKeys
{
    public const int MaxLength = 255;

    public static StripeMode? ModeOf(string? key) =>
        key is null ? null
        : key.Contains("_live_", StringComparison.Ordinal) ? StripeMode.Live
        : key.Contains("_test_", StringComparison.Ordinal) ? StripeMode.Test
        : null;

    public static bool IsRestricted(string key) => key.StartsWith("rk_", StringComparison.Ordinal);

    /// <summary>Shown to tell keys apart; the rest of a secret key never leaves the server.</summary>
    public static string Last4(string key) => key.Length <= 4 ? key : key[^4..];

    public static void Check(string? publishableKey, string? secretKey, string? signingSecret, ValidationErrors errors)
    {
        var publishable = Trimmed(publishableKey);
        var secret = Trimmed(secretKey);
        if (publishable is null)
        {
            errors.Add("publishableKey", "This field is required: the publishable key (pk_test_... or pk_live_...) from Stripe → Developers → API keys.");
        }
        else if (!Shaped(publishable, "pk_"))
        {
            errors.Add("publishableKey", publishable.StartsWith("sk_", StringComparison.Ordinal) || publishable.StartsWith("rk_", StringComparison.Ordinal)
                ? "This is a secret key: it goes in the secret key field. Here paste the publishable key (pk_...)."
                : "A publishable key starts with pk_test_ or pk_live_.");
        }

        if (secret is null)
        {
            errors.Add("secretKey", "This field is required: a secret key (sk_...) or a restricted key (rk_...).");
        }
        else if (secret.StartsWith("pk_", StringComparison.Ordinal))
        {
            errors.Add("secretKey", "This is the publishable key. Paste the secret key (sk_...) or a restricted key (rk_...) here.");
        }
        else if (!Shaped(secret, "sk_") && !Shaped(secret, "rk_"))
        {
            errors.Add("secretKey", "A secret key starts with sk_test_ or sk_live_; a restricted key with rk_test_ or rk_live_.");
        }
        else if (publishable is not null && Shaped(publishable, "pk_") && ModeOf(publishable) != ModeOf(secret))
        {
            errors.Add("secretKey", $"The publishable key is a {ModeOf(publishable)?.ToString().ToLowerInvariant()} key but this one is a " +
                $"{ModeOf(secret)?.ToString().ToLowerInvariant()} key: use both keys from the same mode.");
        }

        if (Trimmed(signingSecret) is { } whsec && (!whsec.StartsWith("whsec_", StringComparison.Ordinal) || whsec.Length > MaxLength || whsec.Any(char.IsWhiteSpace)))
        {
            errors.Add("webhookSigningSecret", "The signing secret of a Stripe webhook endpoint starts with whsec_ (Stripe → Developers → Webhooks → the endpoint → Signing secret).");
        }
    }

    public static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool Shaped(string key, string prefix) =>
        key.StartsWith(prefix, StringComparison.Ordinal) && ModeOf(key) is not null && key.Length <= MaxLength && !key.Any(char.IsWhiteSpace)
        && key.Length > prefix.Length + "test_".Length;
}
