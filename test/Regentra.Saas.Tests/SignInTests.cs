using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Users;

namespace Regentra.Saas.Tests;

public sealed class SignInTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private Task<HttpResponseMessage> TokenAsync(string? organization, string? email, string? password) =>
        app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(organization, email, password));

    [Fact]
    public async Task The_token_endpoint_returns_a_bearer_token_that_authenticates_calls()
    {
        var admin = await app.SignUpAsync();

        var token = await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ReadAsync<TokenResponse>();

        token.TokenType.ShouldBe("Bearer");
        token.ExpiresIn.ShouldBe(3600);
        token.AccessToken.ShouldNotBeNullOrWhiteSpace();
        var config = await app.CreateClient().WithBearer(token.AccessToken).GetAsync<AppConfigDto>("/api/app-config");
        config.CurrentUser!.Email.ShouldBe(admin.Email);
    }

    [Fact]
    public async Task Organisation_and_email_are_matched_regardless_of_case_and_spaces()
    {
        var admin = await app.SignUpAsync();

        var response = await TokenAsync($" {admin.Slug.ToUpperInvariant()} ", $" {admin.Email.ToUpperInvariant()} ", Sessions.Password);

        await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Wrong_organisation_email_or_password_all_get_the_same_answer()
    {
        var admin = await app.SignUpAsync();
        var other = await app.SignUpAsync();

        var answers = new List<Problem>();
        foreach (var (organization, email, password) in new[]
                 {
                     ("no-such-org", admin.Email, Sessions.Password),
                     (other.Slug, admin.Email, Sessions.Password),
                     (admin.Slug, "nobody@nowhere.test", Sessions.Password),
                     (admin.Slug, admin.Email, "Wrong-Horse-9"),
                     ("", admin.Email, Sessions.Password),
                 })
        {
            answers.Add(await (await TokenAsync(organization, email, password)).ReadProblemAsync(HttpStatusCode.Unauthorized));
        }

        answers.ShouldAllBe(p => p.Code == SaasErrorCodes.InvalidCredentials);
        answers.Select(p => (p.Title, p.Detail)).Distinct().Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_missing_email_or_password_is_a_validation_error()
    {
        var problem = await (await TokenAsync("acme", " ", null)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["email", "password"], ignoreOrder: true);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_one_fails()
    {
        var admin = await app.SignUpAsync();
        for (var i = 0; i < 4; i++)
        {
            await (await TokenAsync(admin.Slug, admin.Email, "Wrong-Horse-9")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        }

        await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK); // 4 failures: still open
        for (var i = 0; i < 5; i++)
        {
            await (await TokenAsync(admin.Slug, admin.Email, "Wrong-Horse-9")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        }

        var problem = await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ReadProblemAsync(HttpStatusCode.Unauthorized);

        problem.Code.ShouldBe(SaasErrorCodes.InvalidCredentials);
        var cookieLogin = await app.CreateClient().PostJsonAsync("/api/account/login", new LoginRequest(admin.Slug, admin.Email, Sessions.Password));
        (await cookieLogin.ReadProblemAsync(HttpStatusCode.Unauthorized)).Code.ShouldBe(SaasErrorCodes.InvalidCredentials);
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_failure_count()
    {
        var admin = await app.SignUpAsync();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                await (await TokenAsync(admin.Slug, admin.Email, "Wrong-Horse-9")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
            }

            await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task A_bearer_token_expires_after_sixty_minutes()
    {
        var admin = await app.SignUpAsync();

        app.Clock.Advance(TimeSpan.FromMinutes(59));
        await (await admin.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.OK);

        app.Clock.Advance(TimeSpan.FromMinutes(2));
        var problem = await (await admin.Client.GetResponseAsync("/api/saas/users")).ReadProblemAsync(HttpStatusCode.Unauthorized);

        problem.Code.ShouldBe("Security:Unauthenticated");
        var config = await admin.Client.GetAsync<AppConfigDto>("/api/app-config");
        config.CurrentUser.ShouldBeNull();
    }

    [Fact]
    public async Task A_host_administrator_signs_in_without_an_organisation()
    {
        var email = $"ops-{Guid.NewGuid():N}@regentra.test";
        await app.Services.CreateHostAdminAsync(email, Sessions.Password, TestContext.Current.CancellationToken);

        var token = await (await TokenAsync(null, email, Sessions.Password)).ReadAsync<TokenResponse>();

        var config = await app.CreateClient().WithBearer(token.AccessToken).GetAsync<AppConfigDto>("/api/app-config");
        config.CurrentTenant.ShouldBeNull();
        config.CurrentUser!.Roles.ShouldBe(["HostAdmin"]);
        config.GrantedPermissions.ShouldBe([SaasPermissions.BackgroundJobs, SaasPermissions.Tenants.Default, SaasPermissions.Tenants.Manage]);
        (await (await TokenAsync("some-org", email, Sessions.Password)).ReadProblemAsync(HttpStatusCode.Unauthorized))
            .Code.ShouldBe(SaasErrorCodes.InvalidCredentials);
    }

    [Fact]
    public async Task Signing_in_records_the_last_login_time()
    {
        var admin = await app.SignUpAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        var expected = app.Clock.GetUtcNow().UtcDateTime;

        await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var me = await admin.Client.GetAsync<UserDto>($"/api/saas/users/{admin.UserId}");
        me.LastLoginTime.ShouldBe(expected);
    }
}
