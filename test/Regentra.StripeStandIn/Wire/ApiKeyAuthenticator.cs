using System.Text;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.State;

namespace Regentra.StripeStandIn.Wire;

/// <summary>Finds the key of a request (Bearer, or Basic with the key as user name as curl -u sends it) and refuses as Stripe does.</summary>
internal sealed class ApiKeyAuthenticator(StandInStore store)
{
    public ApiKey Authenticate(HttpRequest request)
    {
        var value = KeyOf(request.Headers.Authorization.ToString())
            ?? throw new StripeApiException(401, StripeApiException.InvalidRequest,
                "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY').");
        var key = store.FindKey(value)
            ?? throw new StripeApiException(401, StripeApiException.InvalidRequest, $"Invalid API Key provided: {Mask(value, 4)}");
        if (key.Kind == KeyKind.Publishable)
        {
            throw new StripeApiException(401, StripeApiException.InvalidRequest,
                "This API call cannot be made with a publishable API key. Please use a secret API key.", "secret_key_required");
        }

        var onBehalfOf = request.Headers["Stripe-Account"].ToString();
        if (onBehalfOf.Length > 0 && onBehalfOf != key.Account.Id)
        {
            throw new StripeApiException(403, StripeApiException.InvalidRequest,
                $"The provided key '{Mask(value, 4)}' does not have access to account '{onBehalfOf}' (or that account does not exist). The stand-in does not emulate Connect.");
        }

        return key;
    }

    /// <summary>The key the request names, if it is one the stand-in knows; never refuses (for the journal).</summary>
    public ApiKey? Find(HttpRequest request) =>
        KeyOf(request.Headers.Authorization.ToString()) is { } value ? store.FindKey(value) : null;

    public static void Authorize(ApiKey key, RequiredPermission? permission)
    {
        if (key.Kind == KeyKind.Restricted && permission is not null && !RestrictedKeyPermissions.Allows(permission.Name))
        {
            throw new StripeApiException(403, StripeApiException.InvalidRequest,
                $"The provided key '{Mask(key.Value, 6)}' does not have the required permissions for this endpoint on account '{key.Account.Id}'. Having the '{permission.Name}' permission would allow this request to continue.");
        }
    }

    /// <summary>Stripe shows a key as its mode prefix, stars, and the last few characters.</summary>
    public static string Mask(string key, int visible)
    {
        var prefixLength = Math.Min(8, key.Length);
        if (key.Length <= prefixLength + visible)
        {
            return key[..prefixLength] + new string('*', Math.Max(0, key.Length - prefixLength));
        }

        return key[..prefixLength] + new string('*', key.Length - prefixLength - visible) + key[^visible..];
    }

    private static string? KeyOf(string header)
    {
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header[7..].Trim();
            return token.Length == 0 ? null : token;
        }

        if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
                var user = decoded.Split(':', 2)[0];
                return user.Length == 0 ? null : user;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return null;
    }
}
