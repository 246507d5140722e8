namespace Regentra.Psa.Tests;

/// <summary>
/// A tenant behind UTC: Los Angeles (UTC-8 until 8 March 2026) reaches Tuesday at 08:00 UTC, hours after a UTC
/// tenant did. Its own fixture: the test moves the clock.
/// </summary>
public sealed class TimeEntryWorkDateLosAngelesTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task At_midnight_in_Los_Angeles_the_window_moves_a_day_hours_after_it_did_for_a_UTC_tenant()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 3, 7, 59, 59, TimeSpan.Zero)); // 23:59:59 on Monday 2 March in Los Angeles
        var losAngeles = await app.SignUpAsync(timeZone: "America/Los_Angeles");
        var utc = await app.SignUpAsync(timeZone: "UTC");

        var utcAlreadyTuesday = await utc.LogAsync(PsaApi.InternalTime(date: new DateOnly(2026, 3, 10)));
        var lastSecondOfMonday = await losAngeles.Client.PostJsonAsync(TimeArrange.Entries, PsaApi.InternalTime(date: new DateOnly(2026, 3, 10)));
        var sevenAheadOfMonday = await losAngeles.LogAsync(PsaApi.InternalTime(date: new DateOnly(2026, 3, 9)));
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // 00:00:00 on Tuesday 3 March in Los Angeles
        var firstSecondOfTuesday = await losAngeles.LogAsync(PsaApi.InternalTime(date: new DateOnly(2026, 3, 10)));
        var eightAheadOfTuesday = await losAngeles.Client.PostJsonAsync(TimeArrange.Entries, PsaApi.InternalTime(date: new DateOnly(2026, 3, 11)));

        utcAlreadyTuesday.WorkDate.ShouldBe(new DateOnly(2026, 3, 10));
        (await lastSecondOfMonday.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!["workDate"].ShouldHaveSingleItem().ShouldContain("until 2026-03-09");
        sevenAheadOfMonday.WorkDate.ShouldBe(new DateOnly(2026, 3, 9));
        firstSecondOfTuesday.WorkDate.ShouldBe(new DateOnly(2026, 3, 10));
        (await eightAheadOfTuesday.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!["workDate"].ShouldHaveSingleItem().ShouldContain("until 2026-03-10");
    }
}
