using Accreditation.Contracts;
using Accreditation.Notifications.Domain;

namespace Accreditation.UnitTests.Notifications;

/// <summary>One of every event the Notifications service consumes, with realistic data.</summary>
static class SampleEvents
{
    public const string ObjectingState = "QZX"; // a code no template or name contains by accident
    public static readonly DateTimeOffset At = new(2026, 5, 8, 21, 59, 0, TimeSpan.Zero);
    public static readonly Guid ApplicationId = Guid.Parse("4b8f6f5e-1d7a-4c51-9a50-0f3c2f6d9a11");
    public static readonly Guid OrganizationId = Guid.Parse("a1d0c3e2-7f55-4e0b-8d6c-3b2a19f0e7c4");
    public static readonly Guid DialogueId = Guid.Parse("c7e2a0b4-52d1-4f6e-b3a8-9d0e1f2a3b4c");
    public static readonly Guid CirculationId = Guid.Parse("e3f4a5b6-c7d8-4e9f-a0b1-c2d3e4f5a6b7");
    public const string OrganizationName = "Women Against Trafficking Network";
    public const string DialogueTitle = "Working Group on Smuggling of Migrants, ninth session";
    public static string Organization => Recipients.Organization(OrganizationId);

    public static ApplicationSubmitted Submitted() => new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, At);

    public static ApplicationScreened Screened(bool eligible, string? reason = null) =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, eligible, reason, At);

    public static InformationRequested InformationRequested() =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle,
            "Please send your statutes and your latest annual report.", At.AddDays(10), At);

    public static ApplicationsCirculated Circulated() => new(CirculationId, DialogueId, DialogueTitle, At, At.AddDays(14),
    [
        new(ApplicationId, OrganizationId, OrganizationName, "WATN", "Ngo", "AUT", "Special", "https://watn.example.org"),
        new(Guid.Parse("0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"), Guid.Parse("5d6e7f80-9a0b-4c1d-8e2f-3a4b5c6d7e8f"),
            "Institute for Migration Studies", "", "Academia", "MEX", "None", "https://ims.example.edu"),
    ]);

    public static ObjectionFiled ObjectionFiled(string? grounds = "Not independent of a political party.") =>
        new(Guid.NewGuid(), ApplicationId, CirculationId, OrganizationName, ObjectingState, grounds, At);

    public static ObjectionWithdrawn ObjectionWithdrawn() =>
        new(Guid.NewGuid(), ApplicationId, CirculationId, OrganizationName, ObjectingState, At);

    public static ObjectionWindowClosed WindowClosed() => new(CirculationId, DialogueId, At, At.AddMinutes(1),
        [new(ApplicationId, 1), new(Guid.NewGuid(), 0), new(Guid.NewGuid(), 2)]);

    public static ApplicationDecided Decided(string outcome, bool objectionRaised = false, bool disclose = false,
        string reason = $"An objection by a State party ({ObjectingState}) stood at the deadline") =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, outcome, reason, objectionRaised, disclose, At);

    public static ObjectionRaised Raised() =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, At.AddDays(14), At);

    public static ApplicationWithdrawn Withdrawn() =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, "We can no longer attend.", At);

    public static ObjectionDeadlineApproaching DeadlineApproaching() => new(CirculationId, DialogueTitle, At.AddDays(14));

    public static readonly Guid RepresentativeId = Guid.Parse("9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a");

    public static RepresentativeMovedUp MovedUp() =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, RepresentativeId, At);

    public static readonly Guid CommentId = Guid.Parse("2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d");

    /// <summary>The portal root notices link to (as PortalLinks.From gives it).</summary>
    public static readonly PortalLinks Links = new("https://accreditation.example/");

    public static ApplicationLapsed Lapsed() =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, At.AddDays(-1), At);

    public static ObjectionReplySubmitted ReplySubmitted() =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, Guid.Parse("3b4c5d6e-7f8a-4b9c-8d1e-2f3a4b5c6d7e"), At);

    public static CommentPublished CommentPublished() =>
        new(CommentId, ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, At);

    /// <param name="status">InPerson, Online or WaitingList.</param>
    public static RepresentativeNominated Nominated(string status = "InPerson", int waitingPosition = 0) =>
        new(ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle, RepresentativeId, status, waitingPosition, At);

    public static PanellistInvited PanellistInvited() =>
        new(Guid.Parse("5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f"), ApplicationId, OrganizationId, OrganizationName, DialogueId, DialogueTitle,
            "2026-07-01", RepresentativeId, 3, "Panel discussion on victim support", At);

    public static IReadOnlyList<WaitingApplication> Waiting() =>
    [
        new(ApplicationId, OrganizationName, DialogueTitle, At),
        new(Guid.Parse("1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"), "Institute for Migration Studies", DialogueTitle, At.AddHours(-30)),
    ];

    /// <summary>The notices of every event (every outcome and branch).</summary>
    public static IEnumerable<(string Event, NoticeDraft Draft)> AllDrafts()
    {
        IEnumerable<(string, IReadOnlyList<NoticeDraft>)> plans =
        [
            ("submitted", NoticePlanner.For(Submitted())),
            ("eligible", NoticePlanner.For(Screened(true))),
            ("ineligible", NoticePlanner.For(Screened(false, "Not a non-governmental organization."))),
            ("information", NoticePlanner.For(InformationRequested())),
            ("circulated", NoticePlanner.For(Circulated())),
            ("objection", NoticePlanner.For(ObjectionFiled())),
            ("objection without grounds", NoticePlanner.For(ObjectionFiled(grounds: null))),
            ("objection withdrawn", NoticePlanner.For(ObjectionWithdrawn())),
            ("objection raised", NoticePlanner.For(Raised())),
            ("window closed", NoticePlanner.For(WindowClosed())),
            ("admitted", NoticePlanner.For(Decided(ApplicationStates.Admitted))),
            ("admitted, disclosed objection", NoticePlanner.For(Decided(ApplicationStates.Admitted, objectionRaised: true, disclose: true))),
            ("not admitted, undisclosed objection", NoticePlanner.For(Decided(ApplicationStates.NotAdmitted, objectionRaised: true))),
            ("not admitted, disclosed objection", NoticePlanner.For(Decided(ApplicationStates.NotAdmitted, objectionRaised: true, disclose: true))),
            ("referred", NoticePlanner.For(Decided(ApplicationStates.Referred, objectionRaised: true, disclose: true))),
            ("withdrawn", NoticePlanner.For(Withdrawn())),
            ("deadline approaching", NoticePlanner.For(DeadlineApproaching())),
            ("representative moved up", NoticePlanner.For(MovedUp(), Links)),
            ("lapsed", NoticePlanner.For(Lapsed(), Links)),
            ("objection reply", NoticePlanner.For(ReplySubmitted(), Links)),
            ("comment published", NoticePlanner.For(CommentPublished(), Links)),
            ("representative nominated in person", NoticePlanner.For(Nominated(), Links)),
            ("representative nominated online", NoticePlanner.For(Nominated("Online"), Links)),
            ("representative nominated, waiting", NoticePlanner.For(Nominated("WaitingList", 3), Links)),
            ("panel invitation", NoticePlanner.For(PanellistInvited(), Links)),
            ("screening digest", NoticePlanner.ForDigest(DateOnly.FromDateTime(At.UtcDateTime), Waiting())),
        ];
        return plans.SelectMany(p => p.Item2.Select(d => (p.Item1, d)));
    }
}
