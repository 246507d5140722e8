using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Tenants;

namespace Regentra.Saas.Tests;

/// <summary>The app with 3 anonymous requests per client address per minute (every test client shares one address).</summary>
public sealed class LowRateLimitApp : RegentraApp
{
    protected override void AddSettings(IDictionary<string, string?> settings) => settings["Saas:AnonymousRequestsPerMinute"] = "3";
}

/// <summary>One test only: the limiter's window is real time and shared by every request of the fixture.</summary>
public sealed class RateLimitTests(LowRateLimitApp app) : IClassFixture<LowRateLimitApp>
{
    [Fact]
    public async Task The_fourth_anonymous_attempt_in_a_minute_is_refused_with_retry_after()
    {
        var client = app.CreateClient();
        var login = new LoginRequest("some-org", "someone@example.test", "Wrong-Horse-9");
        for (var i = 0; i < 3; i++)
        {
            await (await client.PostJsonAsync("/api/account/login", login)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        }

        var fourth = await client.PostJsonAsync("/api/account/login", login);

        (await fourth.ReadProblemAsync(HttpStatusCode.TooManyRequests)).Code.ShouldBe("Security:RateLimited");
        var retryAfter = int.Parse(fourth.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        retryAfter.ShouldBeInRange(1, 60);

        // The same budget covers every anonymous endpoint that checks a password or creates an account.
        await (await client.PostJsonAsync("/api/account/token", login)).ShouldHaveStatusAsync(HttpStatusCode.TooManyRequests);
        await (await client.PostJsonAsync("/api/saas/invitations/accept", new AcceptInvitationRequest("t", "n", Sessions.Password)))
            .ShouldHaveStatusAsync(HttpStatusCode.TooManyRequests);
        var signup = await client.PostJsonAsync("/api/saas/signup", new SignupRequest("Late Org", "late-org", "owner@late.test", Sessions.Password));
        await signup.ShouldHaveStatusAsync(HttpStatusCode.TooManyRequests);
        (await app.CountAsync<Tenant>()).ShouldBe(0);
        await (await client.GetResponseAsync("/api/app-config")).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }
}
