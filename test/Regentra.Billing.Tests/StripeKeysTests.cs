using Regentra.Billing.StripeAccounts;
using Regentra.Framework.Validation;

namespace Regentra.Billing.Tests;

/// <summary>What the key fields accept before anything is sent to Stripe.</summary>
public sealed class StripeKeysTests
{
    private const string Pk = "pk_test_51Abc";
    private const string Sk = "sk_test_51Abc";

    [Theory]
    [InlineData(Pk, Sk, null, null)]
    [InlineData(Pk, "rk_test_51Abc", null, null)]
    [InlineData("pk_live_51Abc", "sk_live_51Abc", null, null)]
    [InlineData(Pk, Sk, "whsec_abc123", null)]
    [InlineData(null, Sk, null, "publishableKey")]
    [InlineData(Sk, Sk, null, "publishableKey")] // a secret key in the publishable field
    [InlineData("pk_51Abc", Sk, null, "publishableKey")] // no mode
    [InlineData(Pk, null, null, "secretKey")]
    [InlineData(Pk, Pk, null, "secretKey")] // the publishable key pasted as the secret
    [InlineData(Pk, "sk_live_51Abc", null, "secretKey")] // test and live mixed
    [InlineData("pk_live_51Abc", "rk_test_51Abc", null, "secretKey")]
    [InlineData(Pk, "sk_test_51 Abc", null, "secretKey")]
    [InlineData(Pk, "sk_test_", null, "secretKey")]
    [InlineData(Pk, Sk, "sk_test_51Abc", "webhookSigningSecret")]
    public void Keys_are_refused_on_the_field_that_is_wrong(string? publishable, string? secret, string? signing, string? field)
    {
        var errors = new ValidationErrors();

        StripeKeys.Check(publishable, secret, signing, errors);

        if (field is null)
        {
            errors.HasErrors.ShouldBeFalse();
        }
        else
        {
            Should.Throw<Regentra.Framework.Errors.ValidationException>(errors.ThrowIfAny).Errors.Keys.ShouldBe([field]);
        }
    }

    [Theory]
    [InlineData("sk_test_51Abc", "Test")]
    [InlineData("rk_live_51Abc", "Live")]
    public void The_mode_comes_from_the_key(string key, string mode) => StripeKeys.ModeOf(key).ToString().ShouldBe(mode);

    [Fact]
    public void Only_the_last_four_characters_of_a_key_are_kept_to_show() => StripeKeys.Last4("sk_test_51AbcWXYZ").ShouldBe("WXYZ");
}
