using Accreditation.Portal.Localization;
using Accreditation.Registration.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>Marker of the organization pages' texts used in page models (Resources/Pages/Organization/OrganizationText.*.resx).</summary>
public sealed class OrganizationText;

/// <summary>
/// The words of the enums only the organization's pages show, kept in this area's resources
/// rather than in the shared ones (see the report: they could move to EnumNames).
/// </summary>
public static class OrganizationWords
{
    public static string Of(this IStringLocalizer<OrganizationText> text, AttendanceMode mode) => mode switch
    {
        AttendanceMode.InPerson => text["In person"],
        AttendanceMode.Online => text["Online"],
        _ => EnumNames.Unnamed(mode),
    };

    public static string Of(this IStringLocalizer<OrganizationText> text, RepresentativeStatus status) => status switch
    {
        RepresentativeStatus.InPerson => text["In person, with a seat"],
        RepresentativeStatus.Online => text["Online"],
        RepresentativeStatus.WaitingList => text["On the waiting list"],
        RepresentativeStatus.Withdrawn => text["Withdrawn"],
        _ => EnumNames.Unnamed(status),
    };

    public static string Of(this IStringLocalizer<OrganizationText> text, InvitationState state) => state switch
    {
        InvitationState.Pending => text["Waiting for the colleague"],
        InvitationState.Accepted => text["Accepted"],
        InvitationState.Expired => text["Expired"],
        InvitationState.Cancelled => text["Cancelled"],
        _ => EnumNames.Unnamed(state),
    };

    /// <summary>What the application waits for, as the service says (its next_step).</summary>
    public static string Of(this IStringLocalizer<OrganizationText> text, NextStepKind kind) => kind switch
    {
        NextStepKind.AwaitingScreening => text["The secretariat screens your application."],
        NextStepKind.AwaitingAnswer => text["Answer the secretariat's question."],
        NextStepKind.AwaitingCirculation => text["The secretariat circulates your application to the States parties."],
        NextStepKind.ObjectionWindow => text["The States parties may object until the end of the objection period."],
        NextStepKind.AwaitingReferralDecision => text["The Bureau or the Conference decides; the secretariat records the decision."],
        NextStepKind.NominateDelegation => text["Nominate your delegation before the dialogue."],
        _ => EnumNames.Unnamed(kind),
    };

    public static string Of(this IStringLocalizer<OrganizationText> text, Party party) => party switch
    {
        Party.Organization => text["Your organization"],
        Party.Secretariat => text["The secretariat"],
        Party.States => text["The States parties"],
        _ => EnumNames.Unnamed(party),
    };

    /// <summary>Who recorded a step of the history, by role (organizations never see which staff member).</summary>
    public static string Actor(this IStringLocalizer<OrganizationText> text, string role) => role switch
    {
        "organization" => text["Your organization"],
        "officer" => text["The secretariat"],
        "state" => text["A State party"],
        "system" => text["Automatically, at a deadline"],
        _ => role,
    };

    /// <summary>A GET that the service refuses: 404 or 403 rendered by the status page, as the convention says.</summary>
    public static IActionResult? Refusal(RpcException e) => e.StatusCode switch
    {
        StatusCode.NotFound => new NotFoundResult(),
        StatusCode.PermissionDenied => new StatusCodeResult(StatusCodes.Status403Forbidden),
        _ => null,
    };
}
