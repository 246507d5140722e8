using System.Security.Cryptography;

namespace Regentra.StripeStandIn.Wire;

/// <summary>Ids shaped like Stripe's: a type prefix and a long random alphanumeric suffix.</summary>
internal static class StripeIds
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    public static string New(string prefix, int length = 24) => prefix + RandomNumberGenerator.GetString(Alphabet, length);

    public static string Account() => New("acct_1", 15);

    public static string Request() => New("req_", 14);

    public static string WebhookEndpoint() => New("we_1", 23);

    public static string WebhookSecret() => New("whsec_", 32);

    public static string CheckoutSession(bool livemode) => New(livemode ? "cs_live_a1" : "cs_test_a1", 56);

    public static string PaymentIntent() => New("pi_3", 23);

    public static string PaymentMethod() => New("pm_1", 23);

    public static string Charge() => New("ch_3", 23);

    public static string Refund() => New("re_3", 23);

    public static string Event() => New("evt_1", 23);

    public static string Key(string prefix) => New(prefix + "51", 96);

    public static string ClientSecret(string paymentIntentId) => New(paymentIntentId + "_secret_", 25);
}
