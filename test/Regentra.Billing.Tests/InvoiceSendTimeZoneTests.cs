using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>
/// The issue date, and the year of the number, are the organisation's own "today". This class moves the clock
/// forward, so it has its own application (the clock cannot go back for other tests).
/// </summary>
public sealed class InvoiceSendTimeZoneTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    /// <summary>Access tokens expire as the clock moves on.</summary>
    private Task<TenantSession> SignInAgainAsync(TenantSession session) => app.SignInAsync(session.Slug, session.Email, session.Password, session.TenantId);

    [Fact]
    public async Task The_issue_date_and_the_numbers_year_follow_the_organisations_time_zone()
    {
        var auckland = await app.SignUpAsync(timeZone: "Pacific/Auckland");
        await auckland.ConfigureBillingAsync(paymentTermsDays: 30);
        var utc = await app.SignUpAsync();
        await utc.ConfigureBillingAsync(paymentTermsDays: 30);
        var aucklandDrafts = new List<Guid>();
        var utcDrafts = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            aucklandDrafts.Add((await auckland.FebruaryDraftAsync((await auckland.CreateBillingClientAsync()).Id, 60)).Id);
            utcDrafts.Add((await utc.FebruaryDraftAsync((await utc.CreateBillingClientAsync()).Id, 60)).Id);
        }

        app.Clock.Advance(TimeSpan.FromHours(12)); // 2026-03-02 21:00 UTC is 10:00 on 3 March in Auckland (UTC+13)
        (auckland, utc) = (await SignInAgainAsync(auckland), await SignInAgainAsync(utc));
        var aucklandMarch = (await auckland.SendOkAsync(aucklandDrafts[0])).Invoice;
        var utcMarch = (await utc.SendOkAsync(utcDrafts[0])).Invoice;
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero)); // 1 January 2027, 01:00 in Auckland
        (auckland, utc) = (await SignInAgainAsync(auckland), await SignInAgainAsync(utc));
        var aucklandNewYear = (await auckland.SendOkAsync(aucklandDrafts[1])).Invoice;
        var utcNewYear = (await utc.SendOkAsync(utcDrafts[1])).Invoice;

        (aucklandMarch.IssueDate, aucklandMarch.DueDate, aucklandMarch.Number).ShouldBe((new DateOnly(2026, 3, 3), new DateOnly(2026, 4, 2), "INV-2026-00001"));
        (utcMarch.IssueDate, utcMarch.DueDate, utcMarch.Number).ShouldBe((new DateOnly(2026, 3, 2), new DateOnly(2026, 4, 1), "INV-2026-00001"));
        (aucklandNewYear.IssueDate, aucklandNewYear.Number).ShouldBe((new DateOnly(2027, 1, 1), "INV-2027-00001"));
        (utcNewYear.IssueDate, utcNewYear.Number).ShouldBe((new DateOnly(2026, 12, 31), "INV-2026-00002"));
    }
}
