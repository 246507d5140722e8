using Microsoft.Extensions.Options;
using Regentra.StripeStandIn.Hosting;
using Regentra.StripeStandIn.Model;
using Regentra.StripeStandIn.Wire;

namespace Regentra.StripeStandIn.State;

/// <summary>
/// Everything the stand-in knows, in memory. One lock (<see cref="Sync"/>, re-entrant) guards all of it: a state
/// change and the events it emits happen under the same lock, so events are recorded and queued in the order things happened.
/// </summary>
internal sealed class StandInStore
{
    private readonly Dictionary<string, Account> accounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ApiKey> keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StripeObject> objects = new(StringComparer.Ordinal);
    private readonly StandInOptions options;
    private readonly TimeProvider clock;
    private long sequence;

    public StandInStore(IOptions<StandInOptions> options, TimeProvider clock)
    {
        this.options = options.Value;
        this.clock = clock;
        Seed();
    }

    public Lock Sync { get; } = new();

    /// <summary>Now in unix seconds, Stripe's unit for every timestamp.</summary>
    public long Now => clock.GetUtcNow().ToUnixTimeSeconds();

    public ApiKey? FindKey(string value)
    {
        lock (Sync)
        {
            return keys.GetValueOrDefault(value);
        }
    }

    public Account? FindAccount(string id)
    {
        lock (Sync)
        {
            return accounts.GetValueOrDefault(id);
        }
    }

    public List<Account> Accounts()
    {
        lock (Sync)
        {
            return accounts.Values.OrderBy(a => a.Order).ToList();
        }
    }

    /// <summary>A new account with fresh keys of its mode (the restricted key included).</summary>
    public Account CreateAccount(string name, string? email, string country, string currency, bool livemode, bool chargesEnabled)
    {
        var account = new Account
        {
            Id = StripeIds.Account(),
            Name = name,
            Email = email,
            Country = country,
            DefaultCurrency = currency,
            Livemode = livemode,
            ChargesEnabled = chargesEnabled,
            ApiVersion = options.DefaultApiVersion,
            Created = Now,
        };
        var mode = livemode ? "live" : "test";
        lock (Sync)
        {
            AddAccount(account, StripeIds.Key($"pk_{mode}_"), StripeIds.Key($"sk_{mode}_"), StripeIds.Key($"rk_{mode}_"));
        }

        return account;
    }

    public T Add<T>(T item)
        where T : StripeObject
    {
        lock (Sync)
        {
            item.Sequence = ++sequence;
            objects.Add(item.Id, item);
            return item;
        }
    }

    /// <summary>The account's object of that type, or null (another account's id is as unknown as a made-up one).</summary>
    public T? Find<T>(Account account, string id)
        where T : StripeObject
    {
        lock (Sync)
        {
            return objects.GetValueOrDefault(id) is T item && item.Account == account ? item : null;
        }
    }

    public T? FindAny<T>(string id)
        where T : StripeObject
    {
        lock (Sync)
        {
            return objects.GetValueOrDefault(id) as T;
        }
    }

    /// <summary>The account's objects of that type, newest first (Stripe's list order).</summary>
    public List<T> All<T>(Account account)
        where T : StripeObject
    {
        lock (Sync)
        {
            return objects.Values.OfType<T>().Where(o => o.Account == account).OrderByDescending(o => o.Sequence).ToList();
        }
    }

    public List<T> All<T>()
        where T : StripeObject
    {
        lock (Sync)
        {
            return objects.Values.OfType<T>().OrderByDescending(o => o.Sequence).ToList();
        }
    }

    public void Remove(StripeObject item)
    {
        lock (Sync)
        {
            objects.Remove(item.Id);
        }
    }

    /// <summary>Forgets everything but the seeded accounts, which come back as configured.</summary>
    public void Reset()
    {
        lock (Sync)
        {
            accounts.Clear();
            keys.Clear();
            objects.Clear();
            Seed();
        }
    }

    private void Seed()
    {
        foreach (var seed in options.Accounts)
        {
            var account = new Account
            {
                Id = seed.Id,
                Name = seed.Name,
                Email = seed.Email,
                Country = seed.Country,
                DefaultCurrency = seed.DefaultCurrency,
                Livemode = seed.Livemode,
                ApiVersion = options.DefaultApiVersion,
                Created = Now,
                Seeded = true,
            };
            AddAccount(account, seed.PublishableKey, seed.SecretKey, seed.RestrictedKey);
        }
    }

    private void AddAccount(Account account, string publishable, string secret, string? restricted)
    {
        var mode = account.Livemode ? "_live_" : "_test_";
        foreach (var (value, kind, prefix) in new[] { (publishable, KeyKind.Publishable, "pk"), (secret, KeyKind.Secret, "sk"), (restricted, KeyKind.Restricted, "rk") })
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!value.StartsWith(prefix + mode, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"Key '{value}' of account {account.Id} must start with {prefix}{mode}.");
            }

            var key = new ApiKey(value, kind, account);
            keys.Add(value, key);
            account.Keys.Add(key);
        }

        account.Order = ++sequence;
        accounts.Add(account.Id, account);
    }
}
