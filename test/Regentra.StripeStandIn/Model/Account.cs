using System.Text.Json.Nodes;

namespace Regentra.StripeStandIn.Model;

/// <summary>A Stripe account. Each lives in one mode: its keys are all *_test_ or all *_live_.</summary>
internal sealed class Account
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public string? Email { get; init; }

    public required string Country { get; init; }

    public required string DefaultCurrency { get; init; }

    public required bool Livemode { get; init; }

    /// <summary>False for an account whose onboarding is incomplete (Stripe shows it as restricted).</summary>
    public bool ChargesEnabled { get; init; } = true;

    public required string ApiVersion { get; init; }

    public required long Created { get; init; }

    /// <summary>Seeded accounts survive a reset.</summary>
    public bool Seeded { get; init; }

    /// <summary>Creation order, for listing.</summary>
    public long Order { get; set; }

    public List<ApiKey> Keys { get; } = [];

    public string? KeyOf(KeyKind kind) => Keys.FirstOrDefault(k => k.Kind == kind)?.Value;

    public JsonObject ToJson() => new()
    {
        ["id"] = Id,
        ["object"] = "account",
        ["business_profile"] = new JsonObject
        {
            ["mcc"] = "7379",
            ["name"] = Name,
            ["support_email"] = Email,
            ["url"] = null,
        },
        ["business_type"] = "company",
        ["capabilities"] = new JsonObject
        {
            ["card_payments"] = ChargesEnabled ? "active" : "inactive",
            ["sepa_debit_payments"] = ChargesEnabled ? "active" : "inactive",
            ["transfers"] = ChargesEnabled ? "active" : "inactive",
        },
        ["charges_enabled"] = ChargesEnabled,
        ["country"] = Country,
        ["created"] = Created,
        ["default_currency"] = DefaultCurrency,
        ["details_submitted"] = ChargesEnabled,
        ["email"] = Email,
        ["metadata"] = new JsonObject(),
        ["payouts_enabled"] = ChargesEnabled,
        ["requirements"] = new JsonObject
        {
            ["currently_due"] = new JsonArray(),
            ["disabled_reason"] = ChargesEnabled ? null : "requirements.past_due",
            ["past_due"] = ChargesEnabled ? new JsonArray() : new JsonArray("business_profile.url", "external_account"),
        },
        ["settings"] = new JsonObject
        {
            ["dashboard"] = new JsonObject { ["display_name"] = Name, ["timezone"] = "Etc/UTC" },
            ["payments"] = new JsonObject { ["statement_descriptor"] = StatementDescriptor() },
        },
        ["type"] = "standard",
    };

    private string StatementDescriptor()
    {
        var letters = new string(Name.ToUpperInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == ' ').ToArray()).Trim();
        return letters.Length > 22 ? letters[..22].TrimEnd() : letters;
    }
}
