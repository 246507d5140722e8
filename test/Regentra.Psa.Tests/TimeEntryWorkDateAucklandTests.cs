using Regentra.Psa.Contracts.TimeEntries;

namespace Regentra.Psa.Tests;

/// <summary>
/// "Seven days ahead" counts from today in the tenant's time zone. Auckland (UTC+13 in March) reaches the next
/// day at 11:00 UTC, while a UTC tenant is still on the previous one. Its own fixture: the test moves the clock.
/// </summary>
public sealed class TimeEntryWorkDateAucklandTests(RegentraApp app) : IClassFixture<RegentraApp>
{
    [Fact]
    public async Task At_midnight_in_Auckland_the_window_moves_a_day_for_Auckland_but_not_for_a_UTC_tenant()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 2, 10, 59, 59, TimeSpan.Zero)); // 23:59:59 on Monday 2 March in Auckland
        var auckland = await app.SignUpAsync(timeZone: "Pacific/Auckland");
        var utc = await app.SignUpAsync(timeZone: "UTC");

        var lastSecondOfMonday = await auckland.Client.PostJsonAsync(TimeArrange.Entries, PsaApi.InternalTime(date: new DateOnly(2026, 3, 10)));
        var sevenAheadOfMonday = await auckland.LogAsync(PsaApi.InternalTime(date: new DateOnly(2026, 3, 9)));
        app.Clock.Advance(TimeSpan.FromSeconds(1)); // 00:00:00 on Tuesday 3 March in Auckland, 11:00 on Monday in UTC
        var firstSecondOfTuesday = await auckland.LogAsync(PsaApi.InternalTime(date: new DateOnly(2026, 3, 10)));
        var utcStillMonday = await utc.Client.PostJsonAsync(TimeArrange.Entries, PsaApi.InternalTime(date: new DateOnly(2026, 3, 10)));

        var refused = await lastSecondOfMonday.ReadProblemAsync(HttpStatusCode.BadRequest);
        refused.Errors!.Keys.ShouldBe(["workDate"]);
        refused.Errors["workDate"].ShouldHaveSingleItem().ShouldContain("until 2026-03-09");
        sevenAheadOfMonday.Status.ShouldBe(TimeEntryStatus.Draft);
        firstSecondOfTuesday.WorkDate.ShouldBe(new DateOnly(2026, 3, 10));
        (await utcStillMonday.ReadProblemAsync(HttpStatusCode.BadRequest)).Errors!["workDate"].ShouldHaveSingleItem().ShouldContain("until 2026-03-09");
    }
}
