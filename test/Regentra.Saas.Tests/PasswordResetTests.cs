using System.Web;
using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Tenants;

namespace Regentra.Saas.Tests;

public sealed class PasswordResetTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private const string NewPassword = "Fresh-Battery-42";

    private Task<HttpResponseMessage> ForgotAsync(string? organization, string? email) =>
        app.CreateClient().PostJsonAsync("/api/account/forgot-password", new ForgotPasswordRequest(organization, email));

    private Task<HttpResponseMessage> ResetAsync(ResetLink link, string password = NewPassword) =>
        app.CreateClient().PostJsonAsync("/api/account/reset-password", new ResetPasswordRequest(link.Organization, link.Email, link.Token, password));

    private Task<HttpResponseMessage> TokenAsync(string organization, string email, string password) =>
        app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(organization, email, password));

    private sealed record ResetLink(string Url, string Organization, string Email, string Token);

    /// <summary>The link of the newest reset email to <paramref name="email"/>, as the person clicks it.</summary>
    private ResetLink LinkSentTo(string email)
    {
        var mail = app.SentTo(email).Last(m => m.Subject == "Reset your Regentra password");
        var url = mail.TextBody.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("https://app.regentra.test/reset-password?", StringComparison.Ordinal));
        var query = HttpUtility.ParseQueryString(new Uri(url).Query);
        return new ResetLink(url, query["organization"]!, query["email"]!, query["token"]!);
    }

    private async Task<ResetLink> RequestLinkAsync(TenantSession member)
    {
        await (await ForgotAsync(member.Slug, member.Email)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        return LinkSentTo(member.Email);
    }

    [Fact]
    public async Task The_emailed_link_sets_a_new_password_and_ends_the_old_sessions()
    {
        var admin = await app.SignUpAsync(organizationName: "Contoso Support");

        var response = await ForgotAsync(admin.Slug, admin.Email);

        await response.ShouldHaveStatusAsync(HttpStatusCode.Accepted);
        var mail = app.SentTo(admin.Email).ShouldHaveSingleItem();
        mail.TextBody.ShouldContain("Contoso Support");
        mail.TextBody.ShouldContain("60 minutes");
        var link = LinkSentTo(admin.Email);
        (link.Organization, link.Email).ShouldBe((admin.Slug, admin.Email));

        await (await ResetAsync(link)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await TokenAsync(admin.Slug, admin.Email, NewPassword)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        (await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ReadProblemAsync(HttpStatusCode.Unauthorized))
            .Code.ShouldBe(SaasErrorCodes.InvalidCredentials);
        await (await admin.Client.GetResponseAsync("/api/saas/users")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_unknown_email_or_organisation_gets_the_same_answer_and_no_email()
    {
        var admin = await app.SignUpAsync();
        var known = await ForgotAsync(admin.Slug, admin.Email);
        var mailsBefore = app.Mails().Count;

        var unknownEmail = await ForgotAsync(admin.Slug, $"nobody@{admin.Slug}.test");
        var unknownOrganisation = await ForgotAsync("no-such-organisation", admin.Email);

        foreach (var response in new[] { known, unknownEmail, unknownOrganisation })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Accepted);
            (await response.Content.ReadAsStringAsync()).ShouldBe(await known.Content.ReadAsStringAsync());
        }

        app.Mails().Count.ShouldBe(mailsBefore);
    }

    [Fact]
    public async Task A_deactivated_member_gets_no_email()
    {
        var admin = await app.SignUpAsync();
        var (userId, email) = await admin.JoinAsync("Technician");
        await admin.DeactivateMemberAsync(userId);

        await (await ForgotAsync(admin.Slug, email)).ShouldHaveStatusAsync(HttpStatusCode.Accepted);

        app.SentTo(email).ShouldNotContain(m => m.Subject == "Reset your Regentra password");
    }

    [Fact]
    public async Task A_link_works_only_once()
    {
        var admin = await app.SignUpAsync();
        var link = await RequestLinkAsync(admin);
        await (await ResetAsync(link)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        var problem = await (await ResetAsync(link, "Another-Pass-77")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Code.ShouldBe(SaasErrorCodes.PasswordResetInvalid);
        problem.Errors!.Keys.ShouldBe(["token"]);
        await (await TokenAsync(admin.Slug, admin.Email, "Another-Pass-77")).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        await (await TokenAsync(admin.Slug, admin.Email, NewPassword)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_link_expires_after_an_hour()
    {
        var admin = await app.SignUpAsync();
        var link = await RequestLinkAsync(admin);

        app.Clock.Advance(TimeSpan.FromMinutes(61));
        var problem = await (await ResetAsync(link)).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Code.ShouldBe(SaasErrorCodes.PasswordResetInvalid);
        await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_tampered_token_is_refused()
    {
        var admin = await app.SignUpAsync();
        var link = await RequestLinkAsync(admin);

        var problem = await (await ResetAsync(link with { Token = link.Token[..^4] + "AAAA" })).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Code.ShouldBe(SaasErrorCodes.PasswordResetInvalid);
    }

    [Fact]
    public async Task A_weak_password_is_a_field_error_and_the_link_still_works()
    {
        var admin = await app.SignUpAsync();
        var link = await RequestLinkAsync(admin);

        var problem = await (await ResetAsync(link, "short")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Code.ShouldBe("Validation");
        problem.Errors!["newPassword"].ShouldContain("Use at least 8 characters.");
        problem.Errors["newPassword"].ShouldContain("Include at least one digit (0-9).");
        await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await ResetAsync(link)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task The_same_email_in_another_organisation_is_not_affected()
    {
        var email = $"shared-{Guid.NewGuid():N}"[..16] + "@msp.test";
        var first = await SignUpWithEmailAsync(email);
        var second = await SignUpWithEmailAsync(email);

        var link = await RequestLinkAsync(first);
        app.SentTo(email).Count(m => m.Subject == "Reset your Regentra password").ShouldBe(1);
        var problem = await (await ResetAsync(link with { Organization = second.Slug })).ReadProblemAsync(HttpStatusCode.BadRequest);
        problem.Code.ShouldBe(SaasErrorCodes.PasswordResetInvalid);
        await (await ResetAsync(link)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await TokenAsync(first.Slug, email, NewPassword)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await TokenAsync(second.Slug, email, Sessions.Password)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        await (await TokenAsync(second.Slug, email, NewPassword)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_reset_lifts_a_lockout()
    {
        var admin = await app.SignUpAsync();
        for (var i = 0; i < 5; i++)
        {
            await TokenAsync(admin.Slug, admin.Email, "Wrong-Horse-9");
        }

        await (await TokenAsync(admin.Slug, admin.Email, Sessions.Password)).ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
        var link = await RequestLinkAsync(admin);

        await (await ResetAsync(link)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        await (await TokenAsync(admin.Slug, admin.Email, NewPassword)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Missing_fields_are_field_errors()
    {
        var forgot = await (await ForgotAsync(null, "not-an-email")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var reset = await (await app.CreateClient().PostJsonAsync("/api/account/reset-password", new ResetPasswordRequest(null, null, null, null)))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        forgot.Errors!.Keys.ShouldBe(["email"]);
        reset.Errors!.Keys.Order().ShouldBe(["email", "newPassword", "token"]);
    }

    private async Task<TenantSession> SignUpWithEmailAsync(string email)
    {
        var slug = Sessions.NewSlug();
        var tenant = await (await app.CreateClient().PostJsonAsync("/api/saas/signup",
                new SignupRequest($"Org {slug}", slug, email, Sessions.Password, "Sam Shared")))
            .ReadAsync<TenantDto>(HttpStatusCode.Created);
        return await app.SignInAsync(slug, email, Sessions.Password, tenant.Id);
    }
}
