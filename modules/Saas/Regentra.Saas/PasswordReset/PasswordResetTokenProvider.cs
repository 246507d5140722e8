using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Regentra.Saas.Identity;

namespace Regentra.Saas.PasswordReset;

/// <summary>
/// Identity's token provider for password resets. Like Identity's DataProtectorTokenProvider the token is a
/// data-protected blob bound to the user and their security stamp, so resetting the password (which renews the
/// stamp) makes it single use and works on every host of a deployment. Unlike it, the expiry is read from
/// <see cref="TimeProvider"/> and the token is URL-safe, so it can go in a link as it is.
/// </summary>
internal sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, TimeProvider clock, IOptions<SaasOptions> options)
    : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "RegentraPasswordReset";

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var expires = clock.GetUtcNow().AddMinutes(options.Value.PasswordResetMinutes).ToUnixTimeSeconds();
        var stamp = Encoding.UTF8.GetBytes(await manager.GetSecurityStampAsync(user));
        var payload = new byte[sizeof(long) + stamp.Length];
        BinaryPrimitives.WriteInt64BigEndian(payload, expires);
        stamp.CopyTo(payload, sizeof(long));
        return Base64Url.EncodeToString(Protector(purpose, user).Protect(payload));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        byte[] payload;
        try
        {
            payload = Protector(purpose, user).Unprotect(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }

        if (payload.Length < sizeof(long) || BinaryPrimitives.ReadInt64BigEndian(payload) <= clock.GetUtcNow().ToUnixTimeSeconds())
        {
            return false;
        }

        var stamp = Encoding.UTF8.GetBytes(await manager.GetSecurityStampAsync(user));
        return CryptographicOperations.FixedTimeEquals(payload.AsSpan(sizeof(long)), stamp);
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);

    // A token made for one user (in one organisation) cannot be unprotected for another.
    private IDataProtector Protector(string purpose, AppUser user) =>
        protection.CreateProtector("Regentra.Saas.PasswordReset", purpose, user.Id.ToString("N"), user.TenantId?.ToString("N") ?? "host");
}
