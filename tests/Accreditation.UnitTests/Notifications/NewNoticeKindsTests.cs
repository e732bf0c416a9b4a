using Accreditation.Notifications.Domain;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The reminder before the deadline, the representative moved up from the waiting list, and the screening digest.</summary>
public sealed class NewNoticeKindsTests
{
    static readonly NoticeTemplates Templates = NoticeTemplates.Embedded;

    [Fact]
    public void The_deadline_reminder_goes_to_every_state_party_with_the_deadline_and_no_applicant()
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.DeadlineApproaching()));
        Assert.Equal((NoticeKinds.ObjectionDeadlineReminder, Recipients.States), (draft.Kind, draft.Recipient));
        var rendered = Templates.Render(draft, "en");
        Assert.Contains("2026-05-22 21:59 UTC", rendered.Body);
        Assert.DoesNotContain(SampleEvents.OrganizationName, rendered.Subject + rendered.Body);
        Assert.Contains("date limite", Templates.Render(draft, "fr").Subject);
        Assert.Contains("plazo", Templates.Render(draft, "es").Subject);
    }

    [Fact]
    public void A_representative_moved_up_is_told_to_the_organization_only_by_reference()
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.MovedUp(), SampleEvents.Links));
        Assert.Equal((NoticeKinds.RepresentativeMovedUp, SampleEvents.Organization), (draft.Kind, draft.Recipient));
        Assert.Equal(SampleEvents.ApplicationId, draft.ApplicationId);
        Assert.Contains(SampleEvents.RepresentativeId.ToString("D"), Templates.Render(draft, "es").Body);
        Assert.Contains("liste d’attente", Templates.Render(draft, "fr").Subject);
    }

    [Fact]
    public void A_panel_invitation_is_told_to_the_organization_by_reference_with_the_item_in_every_language()
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.PanellistInvited(), SampleEvents.Links));
        Assert.Equal((NoticeKinds.PanelInvitation, SampleEvents.Organization, (Guid?)SampleEvents.ApplicationId), (draft.Kind, draft.Recipient, draft.ApplicationId));
        var english = Templates.Render(draft, "en");
        Assert.Contains("agenda item 3, \"Panel discussion on victim support\"", english.Body);
        Assert.Contains(SampleEvents.RepresentativeId.ToString("D"), english.Body);
        Assert.Contains("2026-07-01", english.Body);
        Assert.StartsWith("Invitation à un panel", Templates.Render(draft, "fr").Subject);
        Assert.StartsWith("Invitación a un panel", Templates.Render(draft, "es").Subject);
    }

    [Fact]
    public void The_screening_digest_lists_the_waiting_applications_oldest_first_to_the_secretariat()
    {
        var day = new DateOnly(2026, 5, 9);
        var draft = Assert.Single(NoticePlanner.ForDigest(day, SampleEvents.Waiting()));
        Assert.Equal((NoticeKinds.ScreeningDigest, Recipients.Secretariat, (Guid?)null), (draft.Kind, draft.Recipient, draft.ApplicationId));
        var rendered = Templates.Render(draft, "en");
        Assert.Equal("Applications waiting for screening: 2 (2026-05-09)", rendered.Subject);
        var older = rendered.Body.IndexOf("Institute for Migration Studies", StringComparison.Ordinal);
        var newer = rendered.Body.IndexOf(SampleEvents.OrganizationName, StringComparison.Ordinal);
        Assert.True(older >= 0 && newer > older, rendered.Body);
        Assert.StartsWith("Candidatures en attente d’examen : 2", Templates.Render(draft, "fr").Subject);
        Assert.StartsWith("Solicitudes pendientes de examen: 2", Templates.Render(draft, "es").Subject);
    }

    [Fact]
    public void No_digest_is_written_when_nothing_waits()
    {
        Assert.Empty(NoticePlanner.ForDigest(new DateOnly(2026, 5, 9), []));
    }

    [Fact]
    public void The_admitted_notice_says_what_to_do_next_in_every_language()
    {
        var admitted = SampleEvents.AllDrafts().First(d => d.Draft.Kind == NoticeKinds.ApplicationAdmitted).Draft;
        Assert.Contains("in person or online", Templates.Render(admitted, "en").Body);
        Assert.Contains("en personne ou en ligne", Templates.Render(admitted, "fr").Body);
        Assert.Contains("en persona o en línea", Templates.Render(admitted, "es").Body);
    }
}
