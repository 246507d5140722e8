using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Regentra.Framework.Caching;
using Regentra.Saas.Caching;
using Regentra.Saas.Data;

namespace Regentra.Saas.Identity;

/// <summary>
/// Keeps cookie sessions in the database (shared by every host) with a short in-memory cache. Removing a
/// session takes effect at once on this host and, through a cache signal, on the others.
/// </summary>
internal sealed class DatabaseTicketStore(
    IServiceScopeFactory scopes,
    IMemoryCache cache,
    IDataProtectionProvider protection,
    TimeProvider clock,
    ICacheSignals signals,
    IOptions<SaasOptions> options) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("Regentra.Saas.UserSessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await WithDbAsync(async db =>
        {
            db.UserSessions.Add(new UserSession(id, UserIdOf(ticket), Protect(ticket), ticket.Properties.ExpiresUtc?.UtcDateTime));
            await db.SaveChangesAsync();
        });
        Cache(id, ticket);
        return id;
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        await WithDbAsync(async db =>
        {
            var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == key);
            session?.Renew(Protect(ticket), ticket.Properties.ExpiresUtc?.UtcDateTime);
            await db.SaveChangesAsync();
        });
        Cache(key, ticket);
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (cache.TryGetValue(CacheKey(key), out AuthenticationTicket? cached))
        {
            return cached;
        }

        AuthenticationTicket? ticket = null;
        await WithDbAsync(async db =>
        {
            var session = await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == key);
            if (session is not null && (session.ExpiresAt is null || session.ExpiresAt > clock.GetUtcNow().UtcDateTime))
            {
                ticket = TicketSerializer.Default.Deserialize(_protector.Unprotect(session.Ticket));
            }
        });

        if (ticket is not null)
        {
            Cache(key, ticket);
        }

        return ticket;
    }

    public async Task RemoveAsync(string key)
    {
        await WithDbAsync(db => db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync());
        signals.Publish(SaasCacheRegions.SessionEnded(key));
    }

    /// <summary>Deletes sessions that expired more than a day ago (run daily by a recurring job).</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ISaasDbContext>();
        return await db.UserSessions.Where(s => s.ExpiresAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private void Cache(string key, AuthenticationTicket ticket) =>
        cache.Set(CacheKey(key), ticket, TimeSpan.FromSeconds(options.Value.AccessCacheSeconds));

    internal static (string, string) CacheKey(string key) => ("saas:session", key);

    private static Guid UserIdOf(AuthenticationTicket ticket) =>
        Guid.TryParse(ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : Guid.Empty;

    private async Task WithDbAsync(Func<ISaasDbContext, Task> work)
    {
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<ISaasDbContext>());
    }
}

/// <summary>Points Identity's auth cookie at the database session store.</summary>
internal sealed class UseDatabaseTicketStore(DatabaseTicketStore store) : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
        {
            options.SessionStore = store;
        }
    }
}

/// <summary>Daily Hangfire job: forgets sessions that expired without a sign-out.</summary>
internal sealed class SessionCleanupJob(DatabaseTicketStore store)
{
    public const string RecurringJobId = "saas-session-cleanup";

    public Task<int> RunAsync(CancellationToken cancellationToken) => store.DeleteExpiredAsync(cancellationToken);
}
