using System.Globalization;
using System.Text;
using Accreditation.Contracts;

namespace Accreditation.Notifications.Domain;

/// <summary>
/// Which notices each integration event produces, for whom, with which template values.
/// Confidentiality: the objecting State travels in the objection events but only ever reaches the
/// secretariat and that State; an organization's notices carry no State and no decision reason
/// (the reason may say that an objection stood), and mention an objection only when the dialogue's
/// policy discloses it.
/// </summary>
public static class NoticePlanner
{
    public static IReadOnlyList<NoticeDraft> For(ApplicationSubmitted e)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("SubmittedAt", Format(e.At));
        return
        [
            new(NoticeKinds.ApplicationReceived, Recipients.Organization(e.OrganizationId), e.ApplicationId, values),
            new(NoticeKinds.ApplicationAwaitingScreening, Recipients.Secretariat, e.ApplicationId, values),
        ];
    }

    public static IReadOnlyList<NoticeDraft> For(ApplicationScreened e)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("Reason", e.Reason?.Trim() ?? "");
        var kind = e.Eligible ? NoticeKinds.ApplicationEligible : NoticeKinds.ApplicationIneligible;
        return [new(kind, Recipients.Organization(e.OrganizationId), e.ApplicationId, values)];
    }

    public static IReadOnlyList<NoticeDraft> For(InformationRequested e)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("Question", e.Question.Trim())
            .With("AnswerBy", Format(e.AnswerBy));
        return [new(NoticeKinds.InformationRequested, Recipients.Organization(e.OrganizationId), e.ApplicationId, values)];
    }

    /// <summary>
    /// Each applicant's organization is told its application is circulated (one notice per
    /// organization, should one have several applications in the circulation); every State party
    /// gets one note listing the applicants with organization-level data only.
    /// </summary>
    public static IReadOnlyList<NoticeDraft> For(ApplicationsCirculated e)
    {
        var drafts = new List<NoticeDraft>();
        foreach (var organization in e.Applicants.GroupBy(a => a.OrganizationId))
        {
            var applications = organization.Select(a => a.ApplicationId).Distinct().ToList();
            var first = organization.First();
            var values = Application(first.Name, e.DialogueTitle, applications[0])
                .With("Deadline", Format(e.Deadline));
            drafts.Add(new(NoticeKinds.ApplicationCirculated, Recipients.Organization(organization.Key),
                applications.Count == 1 ? applications[0] : null, values));
        }

        var list = new StringBuilder();
        foreach (var a in e.Applicants)
        {
            list.Append("- ").Append(a.Name.Trim());
            if (!string.IsNullOrWhiteSpace(a.Acronym))
                list.Append(" (").Append(a.Acronym.Trim()).Append(')');
            list.Append(", ").Append(a.Category).Append(", ").Append(a.Country).Append('\n');
        }
        var note = new Dictionary<string, string>
        {
            ["DialogueTitle"] = e.DialogueTitle,
            ["Deadline"] = Format(e.Deadline),
            ["ApplicantCount"] = e.Applicants.Count.ToString(CultureInfo.InvariantCulture),
            ["Applicants"] = list.ToString().TrimEnd('\n'),
        };
        drafts.Add(new(NoticeKinds.CirculationNote, Recipients.States, null, note));
        return drafts;
    }

    /// <summary>The secretariat learns who objected and why; the State gets a receipt. Nothing goes to the organization.</summary>
    public static IReadOnlyList<NoticeDraft> For(ObjectionFiled e)
    {
        var values = new Dictionary<string, string>
        {
            ["OrganizationName"] = e.OrganizationName,
            ["ApplicationId"] = e.ApplicationId.ToString("D"),
            ["StateCode"] = e.StateCode.Trim().ToUpperInvariant(),
            ["Grounds"] = e.Grounds?.Trim() ?? "",
            ["FiledAt"] = Format(e.At),
        };
        return
        [
            new(NoticeKinds.ObjectionFiled, Recipients.Secretariat, e.ApplicationId, values),
            new(NoticeKinds.ObjectionReceipt, Recipients.State(e.StateCode), e.ApplicationId, values),
        ];
    }

    /// <summary>The organization learns that an objection was raised (its dialogue discloses that), never by whom.</summary>
    public static IReadOnlyList<NoticeDraft> For(ObjectionRaised e)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("Deadline", Format(e.Deadline));
        return [new(NoticeKinds.ObjectionRaised, Recipients.Organization(e.OrganizationId), e.ApplicationId, values)];
    }

    public static IReadOnlyList<NoticeDraft> For(ObjectionWithdrawn e)
    {
        var values = new Dictionary<string, string>
        {
            ["OrganizationName"] = e.OrganizationName,
            ["ApplicationId"] = e.ApplicationId.ToString("D"),
            ["StateCode"] = e.StateCode.Trim().ToUpperInvariant(),
            ["WithdrawnAt"] = Format(e.At),
        };
        return
        [
            new(NoticeKinds.ObjectionWithdrawn, Recipients.Secretariat, e.ApplicationId, values),
            new(NoticeKinds.ObjectionWithdrawalReceipt, Recipients.State(e.StateCode), e.ApplicationId, values),
        ];
    }

    public static IReadOnlyList<NoticeDraft> For(ObjectionWindowClosed e)
    {
        var values = new Dictionary<string, string>
        {
            ["CirculationId"] = e.CirculationId.ToString("D"),
            ["Deadline"] = Format(e.Deadline),
            ["ClosedAt"] = Format(e.ClosedAt),
            ["ApplicantCount"] = e.Results.Count.ToString(CultureInfo.InvariantCulture),
            ["ObjectedCount"] = e.Results.Count(r => r.StandingObjections > 0).ToString(CultureInfo.InvariantCulture),
        };
        return [new(NoticeKinds.ObjectionWindowClosed, Recipients.Secretariat, null, values)];
    }

    /// <summary>
    /// The organization learns the outcome, and that an objection was raised only when
    /// <see cref="ApplicationDecided.ObjectionRaised"/> and the dialogue discloses it; never by whom,
    /// and never the recorded reason. The secretariat gets the outcome with its reason.
    /// </summary>
    public static IReadOnlyList<NoticeDraft> For(ApplicationDecided e)
    {
        var kind = e.Outcome switch
        {
            ApplicationStates.Admitted => NoticeKinds.ApplicationAdmitted,
            ApplicationStates.NotAdmitted => NoticeKinds.ApplicationNotAdmitted,
            ApplicationStates.Referred => NoticeKinds.ApplicationReferred,
            _ => throw new ArgumentException($"'{e.Outcome}' is not a decision outcome (Admitted, NotAdmitted, Referred).", nameof(e)),
        };
        var toOrganization = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("ObjectionDisclosed", Flag(e.ObjectionRaised && e.DiscloseObjection));
        var toSecretariat = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("Outcome", e.Outcome)
            .With("Reason", e.Reason.Trim())
            .With("ObjectionRaised", Flag(e.ObjectionRaised))
            .With("DecidedAt", Format(e.At));
        return
        [
            new(kind, Recipients.Organization(e.OrganizationId), e.ApplicationId, toOrganization),
            new(NoticeKinds.ApplicationDecided, Recipients.Secretariat, e.ApplicationId, toSecretariat),
        ];
    }

    public static IReadOnlyList<NoticeDraft> For(ApplicationWithdrawn e)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("Reason", e.Reason.Trim())
            .With("WithdrawnAt", Format(e.At));
        return
        [
            new(NoticeKinds.WithdrawalConfirmed, Recipients.Organization(e.OrganizationId), e.ApplicationId, values),
            new(NoticeKinds.ApplicationWithdrawn, Recipients.Secretariat, e.ApplicationId, values),
        ];
    }

    /// <summary>Every State party is reminded of the deadline (no applicant data: the circulation note has it).</summary>
    public static IReadOnlyList<NoticeDraft> For(ObjectionDeadlineApproaching e)
    {
        var values = new Dictionary<string, string>
        {
            ["DialogueTitle"] = e.DialogueTitle,
            ["CirculationId"] = e.CirculationId.ToString("D"),
            ["Deadline"] = Format(e.Deadline),
        };
        return [new(NoticeKinds.ObjectionDeadlineReminder, Recipients.States, null, values)];
    }

    /// <summary>The organization is told, with a link to its delegation page.</summary>
    public static IReadOnlyList<NoticeDraft> For(RepresentativeMovedUp e, PortalLinks links)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("RepresentativeId", e.RepresentativeId.ToString("D"))
            .With("MovedUpAt", Format(e.At))
            .With("PortalUrl", links.Base);
        return [new(NoticeKinds.RepresentativeMovedUp, Recipients.Organization(e.OrganizationId), e.ApplicationId, values)];
    }

    /// <summary>The information did not arrive in time: the organization is told the application lapsed.</summary>
    public static IReadOnlyList<NoticeDraft> For(ApplicationLapsed e, PortalLinks links)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("AnswerBy", Format(e.AnswerBy))
            .With("PortalUrl", links.Base);
        return [new(NoticeKinds.ApplicationLapsed, Recipients.Organization(e.OrganizationId), e.ApplicationId, values)];
    }

    /// <summary>The secretariat learns that a reply awaits it (never its text: that stays in Registration).</summary>
    public static IReadOnlyList<NoticeDraft> For(ObjectionReplySubmitted e, PortalLinks links)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("RepliedAt", Format(e.At))
            .With("PortalUrl", links.Base);
        return [new(NoticeKinds.ObjectionReplyReceived, Recipients.Secretariat, e.ApplicationId, values)];
    }

    public static IReadOnlyList<NoticeDraft> For(CommentPublished e, PortalLinks links)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("CommentId", e.CommentId.ToString("D"))
            .With("PublishedAt", Format(e.At))
            .With("PortalUrl", links.Base);
        return [new(NoticeKinds.CommentPublished, Recipients.Organization(e.OrganizationId), e.ApplicationId, values)];
    }

    /// <summary>The organization is told where its representative stands, by reference (as for moving up).</summary>
    public static IReadOnlyList<NoticeDraft> For(RepresentativeNominated e, PortalLinks links)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("RepresentativeId", e.RepresentativeId.ToString("D"))
            .With("InPerson", Flag(e.Status == "InPerson"))
            .With("Online", Flag(e.Status == "Online"))
            .With("Waiting", Flag(e.Status == "WaitingList"))
            .With("WaitingPosition", e.WaitingPosition.ToString(CultureInfo.InvariantCulture))
            .With("NominatedAt", Format(e.At))
            .With("PortalUrl", links.Base);
        return [new(NoticeKinds.RepresentativeNominated, Recipients.Organization(e.OrganizationId), e.ApplicationId, values)];
    }

    /// <summary>
    /// The organization is told that one of its representatives is invited to a panel, by reference
    /// (as for nominations), with the item and a link to answer.
    /// </summary>
    public static IReadOnlyList<NoticeDraft> For(PanellistInvited e, PortalLinks links)
    {
        var values = Application(e.OrganizationName, e.DialogueTitle, e.ApplicationId)
            .With("RepresentativeId", e.RepresentativeId.ToString("D"))
            .With("DialogueDate", e.DialogueDate)
            .With("AgendaItemNumber", e.AgendaItemNumber.ToString(CultureInfo.InvariantCulture))
            .With("AgendaItemTitle", e.AgendaItemTitle.Trim())
            .With("InvitedAt", Format(e.At))
            .With("PortalUrl", links.Base);
        return [new(NoticeKinds.PanelInvitation, Recipients.Organization(e.OrganizationId), e.ApplicationId, values)];
    }

    /// <summary>
    /// The secretariat's digest of one day: the applications waiting for screening, oldest first.
    /// Nothing waiting, no digest.
    /// </summary>
    public static IReadOnlyList<NoticeDraft> ForDigest(DateOnly day, IReadOnlyList<WaitingApplication> waiting)
    {
        if (waiting.Count == 0)
            return [];
        var list = new StringBuilder();
        foreach (var a in waiting.OrderBy(w => w.SubmittedAt).ThenBy(w => w.ApplicationId))
            list.Append("- ").Append(a.OrganizationName.Trim()).Append(", ").Append(a.DialogueTitle.Trim())
                .Append(", ").Append(Format(a.SubmittedAt)).Append(" (").Append(a.ApplicationId.ToString("D")).Append(")\n");
        var values = new Dictionary<string, string>
        {
            ["Day"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["WaitingCount"] = waiting.Count.ToString(CultureInfo.InvariantCulture),
            ["Applications"] = list.ToString().TrimEnd('\n'),
        };
        return [new(NoticeKinds.ScreeningDigest, Recipients.Secretariat, null, values)];
    }

    /// <summary>Times are shown in UTC, the same way in every language.</summary>
    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    static string Flag(bool set) => set ? "true" : "";

    static Dictionary<string, string> Application(string organizationName, string dialogueTitle, Guid applicationId) => new()
    {
        ["OrganizationName"] = organizationName,
        ["DialogueTitle"] = dialogueTitle,
        ["ApplicationId"] = applicationId.ToString("D"),
    };

    static Dictionary<string, string> With(this Dictionary<string, string> values, string name, string value)
    {
        values[name] = value;
        return values;
    }
}
