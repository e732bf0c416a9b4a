using Accreditation.Registration.Domain;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.UnitTests.Registration;

public sealed class InvitationRulesTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    static readonly Guid OrganizationId = Guid.NewGuid();

    [Fact]
    public void An_invitation_keeps_only_the_codes_hash_and_is_accepted_once_by_the_invited_address()
    {
        var (invitation, code) = Invitation.Create(OrganizationId, "Colleague@Example.org", "founder", Now);

        Assert.Equal("colleague@example.org", invitation.Email);
        Assert.Equal(Invitation.Hash(code), invitation.CodeHash);
        Assert.DoesNotContain(code, invitation.CodeHash);
        invitation.Accept("colleague", "colleague@example.org", Now.AddDays(1));
        Assert.Equal("colleague", invitation.AcceptedBy);
        Assert.Contains("already accepted", Assert.Throws<RuleViolationException>(() => invitation.Accept("colleague", "colleague@example.org", Now.AddDays(1))).Message);
    }

    [Fact]
    public void Another_address_or_a_late_acceptance_is_refused()
    {
        var (invitation, _) = Invitation.Create(OrganizationId, "colleague@example.org", "founder", Now);

        Assert.Throws<AccessDeniedException>(() => invitation.Accept("stranger", "stranger@example.org", Now));
        Assert.Throws<AccessDeniedException>(() => invitation.Accept("service", null, Now));
        Assert.Contains("expired", Assert.Throws<RuleViolationException>(() => invitation.Accept("colleague", "colleague@example.org", Now + Invitation.Lifetime + TimeSpan.FromMinutes(1))).Message);
        Assert.Null(invitation.AcceptedAt);
    }

    [Theory]
    [InlineData("", "email")]
    [InlineData("not an address", "email")]
    [InlineData("Name <a@b.org>", "email")]
    public void An_invitation_needs_a_bare_e_mail_address(string email, string field) =>
        Assert.Equal(field, Assert.Throws<InvalidFieldException>(() => Invitation.Create(OrganizationId, email, "founder", Now)).Field);

    [Fact]
    public void The_e_mails_language_is_english_french_or_spanish()
    {
        Assert.Equal("en", Invitation.Language(""));
        Assert.Equal("fr", Invitation.Language("FR"));
        Assert.Equal("language", Assert.Throws<InvalidFieldException>(() => Invitation.Language("de")).Field);
    }
}
