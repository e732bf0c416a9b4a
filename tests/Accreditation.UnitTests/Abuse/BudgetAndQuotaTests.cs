using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Email;
using Accreditation.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Accreditation.UnitTests.Abuse;

public sealed class BudgetAndQuotaTests
{
    readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void An_address_is_sent_at_most_its_budget_of_e_mails_per_window_whatever_its_letter_case()
    {
        var budget = new EmailRecipientBudget(_clock, Options.Create(new EmailBudgetOptions { PerRecipient = 2, Window = TimeSpan.FromHours(1) }));
        budget.Spend("someone@example.org");
        _clock.Advance(TimeSpan.FromMinutes(10));
        budget.Spend("Someone@Example.org");

        var spent = Assert.Throws<QuotaExceededException>(() => budget.Spend("someone@example.org"));
        Assert.Equal("email-per-recipient", spent.Quota);
        Assert.Contains("at most 2 e-mails to one address per 60 minutes", spent.Message);
        budget.Spend("another@example.org");

        // The first e-mail leaves the window an hour after it was sent.
        _clock.Advance(TimeSpan.FromMinutes(50));
        budget.Spend("someone@example.org");
        Assert.Throws<QuotaExceededException>(() => budget.Spend("someone@example.org"));
    }

    [Fact]
    public void A_comment_is_refused_past_the_count_or_the_bytes_an_organization_may_store_for_a_dialogue()
    {
        var quotas = new Quotas { CommentsPerOrganization = 2, CommentBytesPerOrganization = 1000 };
        quotas.EnsureRoomForComment([("é", 500)], 498); // "é" is two bytes in UTF-8: 502 + 498 = 1000 fits

        var bytes = Assert.Throws<QuotaExceededException>(() => quotas.EnsureRoomForComment([("é", 500)], 499));
        Assert.Equal("comment-bytes-per-organization", bytes.Quota);
        Assert.Contains("502 are used and this comment needs 499", bytes.Message);
        var count = Assert.Throws<QuotaExceededException>(() => quotas.EnsureRoomForComment([("a", 0), ("b", 0)], 1));
        Assert.Equal("comments-per-organization", count.Quota);
    }

    [Fact]
    public void An_organization_may_keep_only_so_many_invitations_open()
    {
        var quotas = new Quotas { OpenInvitationsPerOrganization = 3 };
        quotas.EnsureRoomForInvitation(2);
        Assert.Equal("open-invitations-per-organization", Assert.Throws<QuotaExceededException>(() => quotas.EnsureRoomForInvitation(3)).Quota);
    }
}
