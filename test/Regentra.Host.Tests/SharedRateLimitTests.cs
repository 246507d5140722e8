using Regentra.Saas.Contracts.Account;

namespace Regentra.Host.Tests;

/// <summary>
/// The anonymous limit a user configures is the limit they get however many hosts answer: on PostgreSQL the hosts
/// count in the database they share; SQLite serves one host, which counts in memory. The test clock stands still, so
/// every request falls in one window.
/// </summary>
public sealed class SharedRateLimitTests(SharedRateLimitTests.LimitedHost first) : IClassFixture<SharedRateLimitTests.LimitedHost>, IAsyncLifetime
{
    private const int Limit = 4;

    public sealed class LimitedHost : RegentraApp
    {
        public LimitedHost()
        {
        }

        internal LimitedHost(TestDatabase database)
            : base(database)
        {
        }

        protected override void AddSettings(IDictionary<string, string?> settings)
        {
            settings["Saas:AnonymousRequestsPerMinute"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            settings["Http:TrustForwardedHeaders"] = "true";
        }
    }

    private LimitedHost? _second;

    private RegentraApp Second => _second ?? (RegentraApp)first;

    public async ValueTask InitializeAsync()
    {
        if (first.Database.Provider == TestProvider.PostgreSql)
        {
            _second = new LimitedHost(first.Database);
            await _second.InitializeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }
    }

    [Fact]
    public async Task Attempts_on_two_hosts_share_one_budget_per_forwarded_client_address()
    {
        var login = new LoginRequest("some-org", "someone@example.test", "Wrong-Horse-9");
        var onFirst = From(first, "203.0.113.7");
        var onSecond = From(Second, "203.0.113.7");
        for (var i = 0; i < Limit / 2; i++)
        {
            await (await onFirst.PostJsonAsync("/api/account/login", login)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
            await (await onSecond.PostJsonAsync("/api/account/login", login)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        }

        var over = await onSecond.PostJsonAsync("/api/account/login", login);

        (await over.ReadProblemAsync(HttpStatusCode.TooManyRequests)).Code.ShouldBe("Security:RateLimited");
        await (await onFirst.PostJsonAsync("/api/account/login", login)).ShouldHaveStatusAsync(HttpStatusCode.TooManyRequests);
        int.Parse(over.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeInRange(1, 60);

        // Another client behind the same proxy has its own budget.
        await (await From(Second, "198.51.100.20").PostJsonAsync("/api/account/login", login)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    private static HttpClient From(RegentraApp host, string address)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }
}
