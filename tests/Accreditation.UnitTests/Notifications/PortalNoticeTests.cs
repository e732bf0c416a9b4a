using Accreditation.Notifications.Domain;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The notices the portal's pages are linked from: lapse, reply, published comment, nomination.</summary>
public sealed class PortalNoticeTests
{
    static readonly NoticeTemplates Templates = NoticeTemplates.Embedded;
    static readonly string Application = SampleEvents.ApplicationId.ToString("D");

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public void A_lapsed_application_is_told_to_the_organization_with_a_link_to_its_page_in_its_language(string language)
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.Lapsed(), SampleEvents.Links));
        Assert.Equal((NoticeKinds.ApplicationLapsed, SampleEvents.Organization, (Guid?)SampleEvents.ApplicationId), (draft.Kind, draft.Recipient, draft.ApplicationId));
        var rendered = Templates.Render(draft, language);
        Assert.Contains($"https://accreditation.example/{language}/applications/{Application}", rendered.Body);
        Assert.Contains("2026-05-07 21:59 UTC", rendered.Body);
    }

    [Fact]
    public void A_reply_to_an_objection_is_told_to_the_secretariat_without_its_text()
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.ReplySubmitted(), SampleEvents.Links));
        Assert.Equal((NoticeKinds.ObjectionReplyReceived, Recipients.Secretariat), (draft.Kind, draft.Recipient));
        var rendered = Templates.Render(draft, "en");
        Assert.Contains(SampleEvents.OrganizationName, rendered.Subject);
        Assert.Contains($"https://accreditation.example/en/applications/{Application}", rendered.Body);
        Assert.StartsWith("Réponse à une objection reçue", Templates.Render(draft, "fr").Subject);
        Assert.StartsWith("Respuesta a una objeción recibida", Templates.Render(draft, "es").Subject);
    }

    [Fact]
    public void A_published_comment_is_told_to_its_organization_with_a_link_to_its_comments()
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.CommentPublished(), SampleEvents.Links));
        Assert.Equal((NoticeKinds.CommentPublished, SampleEvents.Organization), (draft.Kind, draft.Recipient));
        Assert.Contains($"/fr/applications/{Application}/comments", Templates.Render(draft, "fr").Body);
        Assert.Contains(SampleEvents.CommentId.ToString("D"), Templates.Render(draft, "es").Body);
    }

    [Theory]
    [InlineData("InPerson", 0, "An in-person seat is held")]
    [InlineData("Online", 0, "will attend online")]
    [InlineData("WaitingList", 3, "number 3 on the waiting list")]
    public void A_nomination_tells_the_organization_where_its_representative_stands(string status, int position, string expected)
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.Nominated(status, position), SampleEvents.Links));
        Assert.Equal((NoticeKinds.RepresentativeNominated, SampleEvents.Organization), (draft.Kind, draft.Recipient));
        var body = Templates.Render(draft, "en").Body;
        Assert.Contains(expected, body);
        Assert.Contains(SampleEvents.RepresentativeId.ToString("D"), body);
        Assert.Contains($"/en/applications/{Application}/delegation", body);
        // Only the status that holds is spoken of.
        Assert.Equal(1, new[] { "An in-person seat", "will attend online", "waiting list" }.Count(body.Contains));
    }

    [Fact]
    public void The_moved_up_notice_links_to_the_delegation_page()
    {
        var draft = Assert.Single(NoticePlanner.For(SampleEvents.MovedUp(), SampleEvents.Links));
        Assert.Contains($"https://accreditation.example/es/applications/{Application}/delegation", Templates.Render(draft, "es").Body);
    }

    [Theory]
    [InlineData(null, null, "http://127.0.0.1:5080/")]
    [InlineData(null, "http://127.0.0.1:7001/sign-in", "http://127.0.0.1:7001/")]
    [InlineData("https://portal.example/app", "http://127.0.0.1:7001/", "https://portal.example/app/")]
    public void Links_go_to_the_configured_portal_else_the_sign_in_site_else_the_local_portal(string? portal, string? signIn, string expected)
    {
        var configuration = NotificationsParts.Configuration(new() { ["Notifications:Links:Portal"] = portal, ["Notifications:Links:SignIn"] = signIn });
        Assert.Equal(expected, PortalLinks.From(configuration).Base);
    }
}
