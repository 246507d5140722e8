using System.Text.RegularExpressions;

namespace Regentra.Saas.Tenants;

/// <summary>Organisation slugs: what users type at sign-in and what appears in URLs.</summary>
internal static partial class Slugs
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "admin", "api", "app", "host", "www", "hangfire", "login", "signup", "support", "help", "status", "regentra",
    };

    public static string Normalize(string? slug) => (slug ?? string.Empty).Trim().ToLowerInvariant();

    /// <summary>Null when valid, otherwise what is wrong, in words a user can act on.</summary>
    public static string? Problem(string? slug)
    {
        var value = (slug ?? string.Empty).Trim();
        if (value.Length is < MinLength or > MaxLength)
        {
            return $"Must be {MinLength} to {MaxLength} characters.";
        }

        if (!Pattern().IsMatch(value))
        {
            return "Use lowercase letters, digits and hyphens only, starting and ending with a letter or digit.";
        }

        return Reserved.Contains(value) ? $"'{value}' is reserved. Choose another." : null;
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
