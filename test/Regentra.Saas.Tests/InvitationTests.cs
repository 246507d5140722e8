using Regentra.Saas.Contracts;
using Regentra.Saas.Contracts.Account;
using Regentra.Saas.Contracts.Invitations;
using Regentra.Saas.Identity;

namespace Regentra.Saas.Tests;

public sealed class InvitationTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    private Task<HttpResponseMessage> AcceptAsync(string token, string password = Sessions.Password) =>
        app.CreateClient().PostJsonAsync("/api/saas/invitations/accept", new AcceptInvitationRequest(token, "Nia New", password));

    private static string NewEmail(TenantSession admin) => $"new-{Guid.NewGuid():N}"[..16] + $"@{admin.Slug}.test";

    [Fact]
    public async Task An_invitation_emails_a_single_use_link_naming_the_organisation()
    {
        var admin = await app.SignUpAsync(organizationName: "Contoso Support");
        var email = NewEmail(admin);
        var now = app.Clock.GetUtcNow().UtcDateTime;

        var response = await admin.Client.PostJsonAsync("/api/saas/invitations", new CreateInvitationRequest(email, "Technician"));

        var invitation = await response.ReadAsync<InvitationDto>(HttpStatusCode.Created);
        response.Headers.Location!.ToString().ShouldBe($"/api/saas/invitations/{invitation.Id}");
        invitation.ShouldSatisfyAllConditions(
            i => i.Email.ShouldBe(email),
            i => i.Role.ShouldBe("Technician"),
            i => i.Status.ShouldBe("Pending"),
            i => i.CreationTime.ShouldBe(now),
            i => i.ExpiresAt.ShouldBe(now.AddDays(7)),
            i => i.AcceptUrl.ShouldStartWith("https://app.regentra.test/accept-invitation?token="));
        var mail = app.SentTo(email).ShouldHaveSingleItem();
        mail.Subject.ShouldContain("Contoso Support");
        mail.TextBody.ShouldContain(invitation.AcceptUrl!);
        mail.TextBody.ShouldContain("Contoso Support");
        mail.TextBody.ShouldContain("Technician");
    }

    [Fact]
    public async Task Accepting_creates_a_member_with_the_invited_role_who_can_sign_in()
    {
        var admin = await app.SignUpAsync(organizationName: "Contoso Support");
        var email = NewEmail(admin);
        var invitation = await admin.InviteAsync(email, "Manager");

        var accepted = await (await AcceptAsync(Sessions.TokenOf(invitation))).ReadAsync<AcceptInvitationResponse>();

        accepted.ShouldBe(new AcceptInvitationResponse(admin.Slug, "Contoso Support", email));
        var member = await app.SignInAsync(admin.Slug, email, Sessions.Password, admin.TenantId);
        var config = await member.Client.GetAsync<AppConfigDto>("/api/app-config");
        config.CurrentUser!.ShouldSatisfyAllConditions(
            u => u.Name.ShouldBe("Nia New"),
            u => u.Roles.ShouldBe(["Manager"]));
        config.CurrentTenant!.Id.ShouldBe(admin.TenantId);
        (await admin.Client.GetAsync<List<InvitationDto>>("/api/saas/invitations")).ShouldNotContain(i => i.Id == invitation.Id);
    }

    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync(NewEmail(admin), "Technician");
        var before = await app.CountAsync<AppUser>();

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));
        var problem = await (await AcceptAsync(Sessions.TokenOf(invitation))).ReadProblemAsync(HttpStatusCode.Gone);

        problem.Code.ShouldBe(SaasErrorCodes.InvitationExpired);
        (await app.CountAsync<AppUser>()).ShouldBe(before);
        var admin2 = await app.SignInAsync(admin.Slug, admin.Email, Sessions.Password, admin.TenantId);
        (await admin2.Client.GetAsync<List<InvitationDto>>("/api/saas/invitations")).Single(i => i.Id == invitation.Id).Status.ShouldBe("Expired");
    }

    [Fact]
    public async Task An_invitation_accepted_just_before_it_expires_still_works()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync(NewEmail(admin), "Technician");

        app.Clock.Advance(TimeSpan.FromDays(7) - TimeSpan.FromMinutes(1));

        await (await AcceptAsync(Sessions.TokenOf(invitation))).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_link_works_only_once()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync(NewEmail(admin), "Technician");
        await (await AcceptAsync(Sessions.TokenOf(invitation))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var problem = await (await AcceptAsync(Sessions.TokenOf(invitation), "Other-Horse-7")).ReadProblemAsync(HttpStatusCode.Conflict);

        problem.Code.ShouldBe(SaasErrorCodes.InvitationUsed);
        await (await app.CreateClient().PostJsonAsync("/api/account/token", new LoginRequest(admin.Slug, invitation.Email, "Other-Horse-7")))
            .ShouldHaveStatusAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Simultaneous_accepts_of_one_link_create_one_member()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync(NewEmail(admin), "Technician");
        var before = await app.CountAsync<AppUser>();

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => AcceptAsync(Sessions.TokenOf(invitation))));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(3);
        (await app.CountAsync<AppUser>()).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_revoked_link_stops_working()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync(NewEmail(admin), "Technician");

        await (await admin.Client.CallAsync(HttpMethod.Delete, $"/api/saas/invitations/{invitation.Id}")).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        (await (await AcceptAsync(Sessions.TokenOf(invitation))).ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe(SaasErrorCodes.InvitationNotFound);
        (await admin.Client.GetAsync<List<InvitationDto>>("/api/saas/invitations")).Single(i => i.Id == invitation.Id).Status.ShouldBe("Revoked");
    }

    [Fact]
    public async Task An_accepted_invitation_cannot_be_revoked_and_an_unknown_one_is_not_found()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync(NewEmail(admin), "Technician");
        await (await AcceptAsync(Sessions.TokenOf(invitation))).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var accepted = await admin.Client.CallAsync(HttpMethod.Delete, $"/api/saas/invitations/{invitation.Id}");
        var unknown = await admin.Client.CallAsync(HttpMethod.Delete, $"/api/saas/invitations/{Guid.NewGuid()}");

        (await accepted.ReadProblemAsync(HttpStatusCode.Conflict)).Code.ShouldBe(SaasErrorCodes.InvitationUsed);
        (await unknown.ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe("NotFound");
    }

    [Fact]
    public async Task An_unknown_token_is_not_found()
    {
        var problem = await (await AcceptAsync("this-token-was-never-issued")).ReadProblemAsync(HttpStatusCode.NotFound);

        problem.Code.ShouldBe(SaasErrorCodes.InvitationNotFound);
    }

    [Fact]
    public async Task Inviting_again_replaces_the_earlier_link()
    {
        var admin = await app.SignUpAsync();
        var email = NewEmail(admin);
        var first = await admin.InviteAsync(email, "Technician");

        var second = await admin.InviteAsync(email, "Manager");

        (await (await AcceptAsync(Sessions.TokenOf(first))).ReadProblemAsync(HttpStatusCode.NotFound)).Code.ShouldBe(SaasErrorCodes.InvitationNotFound);
        await (await AcceptAsync(Sessions.TokenOf(second))).ShouldHaveStatusAsync(HttpStatusCode.OK);
        var member = await app.SignInAsync(admin.Slug, email, Sessions.Password, admin.TenantId);
        (await member.Client.GetAsync<AppConfigDto>("/api/app-config")).CurrentUser!.Roles.ShouldBe(["Manager"]);
        app.SentTo(email).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Inviting_an_existing_member_is_a_conflict()
    {
        var admin = await app.SignUpAsync();
        var member = await admin.AddMemberAsync("Technician");

        var response = await admin.Client.PostJsonAsync("/api/saas/invitations", new CreateInvitationRequest(member.Email.ToUpperInvariant(), "Manager"));

        var problem = await response.ReadProblemAsync(HttpStatusCode.Conflict);
        problem.Code.ShouldBe(SaasErrorCodes.AlreadyMember);
        problem.Errors!.Keys.ShouldBe(["email"]);
        app.SentTo(member.Email).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("not-an-email", "Technician", "email")]
    [InlineData("", "Technician", "email")]
    [InlineData("valid@example.test", "", "role")]
    [InlineData("valid@example.test", "Janitor", "role")]
    [InlineData("valid@example.test", "HostAdmin", "role")]
    public async Task An_invalid_email_or_role_is_refused_and_sends_nothing(string email, string role, string field)
    {
        var admin = await app.SignUpAsync();
        var mails = app.Mails().Count;

        var response = await admin.Client.PostJsonAsync("/api/saas/invitations", new CreateInvitationRequest(email, role));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe([field]);
        app.Mails().Count.ShouldBe(mails);
    }

    [Fact]
    public async Task A_weak_password_at_accept_creates_nobody_and_the_link_still_works()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync(NewEmail(admin), "Technician");
        var before = await app.CountAsync<AppUser>();

        var problem = await (await AcceptAsync(Sessions.TokenOf(invitation), "weak")).ReadProblemAsync(HttpStatusCode.BadRequest);

        problem.Errors!.Keys.ShouldBe(["password"]);
        (await app.CountAsync<AppUser>()).ShouldBe(before);
        await (await AcceptAsync(Sessions.TokenOf(invitation))).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Accepting_requires_a_name()
    {
        var admin = await app.SignUpAsync();
        var invitation = await admin.InviteAsync(NewEmail(admin), "Technician");

        var response = await app.CreateClient().PostJsonAsync("/api/saas/invitations/accept",
            new AcceptInvitationRequest(Sessions.TokenOf(invitation), " ", Sessions.Password));

        (await response.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!.Keys.ShouldBe(["name"]);
    }
}
