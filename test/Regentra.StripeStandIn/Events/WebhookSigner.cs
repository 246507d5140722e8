using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Regentra.StripeStandIn.Events;

/// <summary>
/// Stripe's webhook signature: <c>Stripe-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256&gt;</c>, the HMAC taken over
/// "&lt;t&gt;.&lt;body&gt;" in UTF-8 and keyed with the endpoint's whole secret string (whsec_ included).
/// </summary>
internal static class WebhookSigner
{
    public static string Header(string body, string secret, long timestamp)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return $"t={t},v1={Convert.ToHexStringLower(mac)}";
    }
}
