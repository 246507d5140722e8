using Microsoft.Extensions.DependencyInjection;
using Regentra.Billing.Contracts.Invoices;
using Regentra.Billing.Invoices.Emails;
using Regentra.Framework.Emailing;
using static Regentra.TestBase.BillingApi;

namespace Regentra.Billing.Tests;

/// <summary>
/// Invoice email as an outbox: each send records its email, with a Message-ID of its own, in the transaction that sends
/// the invoice; it is delivered at once, and what cannot be (a mail server down, a host that stops mid-way) the outbox
/// job delivers later with the same Message-ID, recording on the invoice when the client may have it twice. The job
/// server runs here (in memory next to SQLite, Hangfire.PostgreSql next to PostgreSQL), so the outbox's jobs really run.
/// </summary>
public sealed class InvoiceEmailOutboxTests(MonthEndApp app) : IClassFixture<MonthEndApp>
{
    [Fact]
    public async Task Each_send_records_one_email_with_its_own_message_id_and_the_client_gets_exactly_that_message()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);

        var first = await admin.SendOkAsync(draft.Id);
        var second = await admin.SendOkAsync(draft.Id);

        (first.Emailed, second.Emailed).ShouldBe((true, true));
        var emails = second.Invoice.Emails;
        emails.Select(e => (e.Send, e.Status, e.Attempts, e.PossiblyRepeated, e.To)).ShouldBe(
            [(1, InvoiceEmailStatus.Delivered, 1, false, client.BillingEmail!), (2, InvoiceEmailStatus.Delivered, 1, false, client.BillingEmail!)]);
        emails.Select(e => e.MessageId).ShouldBe([$"invoice.{draft.Id:N}.1@regentra.local", $"invoice.{draft.Id:N}.2@regentra.local"]);
        emails.ShouldAllBe(e => e.DeliveredAt != null && e.NextAttemptAt == null && e.LastError == null);
        app.MailsTo(client.BillingEmail!).Select(m => m.MessageId).ShouldBe(emails.Select(e => e.MessageId));
    }

    [Fact]
    public async Task An_email_the_mail_server_fails_stays_recorded_and_the_outbox_delivers_it_later_with_the_same_message_id()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        app.Email.FailWhenEmailing(client.BillingEmail!, new IOException("Connection refused by mail.example.test"));

        var sent = await admin.SendOkAsync(draft.Id);

        (sent.Emailed, sent.Invoice.Status, sent.Invoice.EmailedAt).ShouldBe((false, InvoiceStatus.Sent, null));
        sent.EmailError.ShouldBe($"The invoice is sent but the email to {client.BillingEmail} failed: Connection refused by mail.example.test. " +
            $"It is tried again automatically at {app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1):HH:mm} UTC, or send again to try now.");
        var waiting = sent.Invoice.Emails.ShouldHaveSingleItem();
        (waiting.Status, waiting.Attempts, waiting.LastError, waiting.NextAttemptAt)
            .ShouldBe((InvoiceEmailStatus.Pending, 1, "Connection refused by mail.example.test", app.Clock.GetUtcNow().UtcDateTime.AddMinutes(1)));

        await app.RunEmailOutboxAsync(); // not due yet: nothing is tried
        app.MailsTo(client.BillingEmail!).ShouldBeEmpty();

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunEmailOutboxAsync();
        var delivered = await WaitForEmailAsync(admin, draft.Id, e => e.Status == InvoiceEmailStatus.Delivered);

        (delivered.Send, delivered.Attempts, delivered.PossiblyRepeated, delivered.MessageId).ShouldBe((1, 2, false, waiting.MessageId));
        app.MailsTo(client.BillingEmail!).ShouldHaveSingleItem().MessageId.ShouldBe(waiting.MessageId);
        (await admin.GetInvoiceAsync(draft.Id)).EmailedAt.ShouldBe(app.Clock.GetUtcNow().UtcDateTime);
    }

    [Fact]
    public async Task Sending_again_while_the_email_waits_for_its_retry_tries_that_email_now_instead_of_recording_a_second()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        app.Email.FailWhenEmailing(client.BillingEmail!, new IOException("Timed out"));
        var failed = await admin.SendOkAsync(draft.Id);

        var again = await admin.SendOkAsync(draft.Id);

        again.Emailed.ShouldBeTrue();
        var email = again.Invoice.Emails.ShouldHaveSingleItem();
        (email.Send, email.MessageId, email.Status, email.Attempts).ShouldBe((1, failed.Invoice.Emails[0].MessageId, InvoiceEmailStatus.Delivered, 2));
        app.MailsTo(client.BillingEmail!).ShouldHaveSingleItem();
    }

    [Fact]
    public async Task An_email_the_mail_server_refuses_for_good_is_not_retried_and_sending_again_records_a_new_one()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        app.Email.FailWhenEmailing(client.BillingEmail!, new EmailRejectedException("550 5.1.1 No such user"));

        var sent = await admin.SendOkAsync(draft.Id);

        sent.Emailed.ShouldBeFalse();
        sent.EmailError.ShouldBe($"The invoice is sent but the email to {client.BillingEmail} could not be delivered: 550 5.1.1 No such user. " +
            "Check the client's billing email, then send again.");
        var refused = sent.Invoice.Emails.ShouldHaveSingleItem();
        (refused.Status, refused.NextAttemptAt).ShouldBe((InvoiceEmailStatus.Failed, null));

        app.Clock.Advance(TimeSpan.FromMinutes(30)); // well past the first retry's time
        await app.RunEmailOutboxAsync();
        (await admin.GetInvoiceAsync(draft.Id)).Emails.ShouldHaveSingleItem().Status.ShouldBe(InvoiceEmailStatus.Failed);
        app.MailsTo(client.BillingEmail!).ShouldBeEmpty();

        var again = await admin.SendOkAsync(draft.Id);
        again.Invoice.Emails.Select(e => (e.Send, e.Status)).ShouldBe([(1, InvoiceEmailStatus.Failed), (2, InvoiceEmailStatus.Delivered)]);
        app.MailsTo(client.BillingEmail!).ShouldHaveSingleItem().MessageId.ShouldBe(again.Invoice.Emails[1].MessageId);
    }

    [Fact]
    public async Task An_email_still_failing_after_every_retry_is_given_up_and_shown_as_failed()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        app.Email.FailWhenEmailing(client.BillingEmail!, new IOException("Mail server unreachable"), times: 100);
        await admin.SendOkAsync(draft.Id);

        for (var retry = 1; retry <= InvoiceEmail.RetryDelays.Length; retry++)
        {
            app.Clock.Advance(InvoiceEmail.RetryDelays[retry - 1]);
            await app.RunEmailOutboxAsync();
            var now = app.Clock.GetUtcNow().UtcDateTime;
            admin = await app.SignInAsync(admin.Slug, admin.Email, admin.Password, admin.TenantId); // hours pass: a fresh token
            await WaitForEmailAsync(admin, draft.Id, e => e.Attempts == retry + 1 && (e.Status == InvoiceEmailStatus.Failed || e.NextAttemptAt > now));
        }

        var email = (await admin.GetInvoiceAsync(draft.Id)).Emails.ShouldHaveSingleItem();
        (email.Status, email.Attempts, email.NextAttemptAt, email.LastError).ShouldBe(
            (InvoiceEmailStatus.Failed, InvoiceEmail.RetryDelays.Length + 1, null, "Mail server unreachable"));
    }

    [Fact]
    public async Task A_host_that_stops_after_the_mail_server_took_the_email_leaves_it_to_the_outbox_which_repeats_the_same_message_id_and_says_so()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        var stall = app.Email.StallAfterDelivering(client.BillingEmail!);

        // The send hands the email over and then hangs, as a host does that dies before recording it.
        var hanging = admin.SendAsync(draft.Id);
        await stall.Reached.WaitAsync(RunArrange.RunTimeout, TestContext.Current.CancellationToken);
        var claimed = (await admin.GetInvoiceAsync(draft.Id)).Emails.ShouldHaveSingleItem();
        (claimed.Status, claimed.Attempts).ShouldBe((InvoiceEmailStatus.Pending, 1));
        await app.RunEmailOutboxAsync(); // the delivery still holds it: nobody else may start one
        app.MailsTo(client.BillingEmail!).Count.ShouldBe(1);

        app.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1)); // past Billing:EmailLeaseSeconds
        await app.RunEmailOutboxAsync();
        var delivered = await WaitForEmailAsync(admin, draft.Id, e => e.Status == InvoiceEmailStatus.Delivered);
        stall.Release();
        (await hanging).Dispose();

        (delivered.Attempts, delivered.PossiblyRepeated).ShouldBe((2, true));
        var mails = app.MailsTo(client.BillingEmail!);
        mails.Count.ShouldBe(2);
        mails.ShouldAllBe(m => m.MessageId == claimed.MessageId);
        var after = (await admin.GetInvoiceAsync(draft.Id)).Emails.ShouldHaveSingleItem();
        (after.Status, after.PossiblyRepeated, after.Attempts).ShouldBe((InvoiceEmailStatus.Delivered, true, 2));
    }

    [Fact]
    public async Task Voiding_an_invoice_whose_email_waits_for_a_retry_cancels_the_email()
    {
        var (admin, client) = await app.SignUpBillingAsync();
        var draft = await admin.FebruaryDraftAsync(client.Id, 60);
        app.Email.FailWhenEmailing(client.BillingEmail!, new IOException("Connection reset"));
        await admin.SendOkAsync(draft.Id);

        await (await admin.VoidAsync(draft.Id)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.RunEmailOutboxAsync();

        (await admin.GetInvoiceAsync(draft.Id)).Emails.ShouldHaveSingleItem().Status.ShouldBe(InvoiceEmailStatus.Cancelled);
        app.MailsTo(client.BillingEmail!).ShouldBeEmpty();
    }

    [Fact]
    public async Task One_outbox_pass_delivers_the_waiting_emails_of_every_organisation_each_within_its_own()
    {
        var (a, aClient) = await app.SignUpBillingAsync();
        var (b, bClient) = await app.SignUpBillingAsync();
        var aDraft = await a.FebruaryDraftAsync(aClient.Id, 60);
        var bDraft = await b.FebruaryDraftAsync(bClient.Id, 90);
        app.Email.FailWhenEmailing(aClient.BillingEmail!, new IOException("Try later"));
        app.Email.FailWhenEmailing(bClient.BillingEmail!, new IOException("Try later"));
        await a.SendOkAsync(aDraft.Id);
        await b.SendOkAsync(bDraft.Id);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.RunEmailOutboxAsync();

        (await WaitForEmailAsync(a, aDraft.Id, e => e.Status == InvoiceEmailStatus.Delivered)).Attempts.ShouldBe(2);
        (await WaitForEmailAsync(b, bDraft.Id, e => e.Status == InvoiceEmailStatus.Delivered)).Attempts.ShouldBe(2);
        app.MailsTo(aClient.BillingEmail!).ShouldHaveSingleItem();
        app.MailsTo(bClient.BillingEmail!).ShouldHaveSingleItem();
        (await b.Client.GetAsync($"/api/billing/invoices/{aDraft.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    /// <summary>Polls the invoice until its (only or last) email matches: the outbox's deliveries run as jobs.</summary>
    private static async Task<InvoiceEmailDto> WaitForEmailAsync(TenantSession session, Guid invoiceId, Func<InvoiceEmailDto, bool> done)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var email = (await session.GetInvoiceAsync(invoiceId)).Emails[^1];
            if (done(email))
            {
                return email;
            }

            if (watch.Elapsed > RunArrange.RunTimeout)
            {
                throw new ShouldAssertException($"The email of invoice {invoiceId} did not get there in time: {email}");
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
