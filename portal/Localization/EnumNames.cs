using Accreditation.Registration.V1;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Localization;

/// <summary>
/// The words a reader sees for each value of the services' enums, in their language. Every value
/// has its own wording (a unit test walks them all); an unknown one shows as its type and number.
/// </summary>
public sealed class EnumNames(IStringLocalizer<SharedResource> text)
{
    public string Of(ApplicationState state) => state switch
    {
        ApplicationState.Draft => text["Draft"],
        ApplicationState.Submitted => text["Submitted"],
        ApplicationState.InformationRequested => text["Information requested"],
        ApplicationState.Lapsed => text["Lapsed"],
        ApplicationState.Ineligible => text["Ineligible"],
        ApplicationState.Eligible => text["Eligible"],
        ApplicationState.Circulated => text["Circulated to States parties"],
        ApplicationState.Referred => text["Referred for decision"],
        ApplicationState.Admitted => text["Admitted"],
        ApplicationState.NotAdmitted => text["Not admitted"],
        ApplicationState.Withdrawn => text["Withdrawn"],
        _ => Unnamed(state),
    };

    public string Of(StakeholderCategory category) => category switch
    {
        StakeholderCategory.Ngo => text["Non-governmental organization"],
        StakeholderCategory.Academia => text["Academia"],
        StakeholderCategory.PrivateSector => text["Private sector"],
        StakeholderCategory.Other => text["Other"],
        _ => Unnamed(category),
    };

    public string Of(EcosocStatus status) => status switch
    {
        EcosocStatus.None => text["No consultative status"],
        EcosocStatus.General => text["General consultative status"],
        EcosocStatus.Special => text["Special consultative status"],
        EcosocStatus.Roster => text["Roster"],
        _ => Unnamed(status),
    };

    public string Of(CirculationPolicy policy) => policy switch
    {
        CirculationPolicy.All => text["Circulate every eligible applicant"],
        CirculationPolicy.WithoutEcosocStatus => text["Circulate only applicants without ECOSOC status"],
        _ => Unnamed(policy),
    };

    public string Of(ObjectionEffect effect) => effect switch
    {
        ObjectionEffect.Exclude => text["An objection excludes the applicant"],
        ObjectionEffect.Refer => text["An objection refers the application for decision"],
        _ => Unnamed(effect),
    };

    public string Of(RegionalGroup group) => group switch
    {
        RegionalGroup.African => text["African States"],
        RegionalGroup.AsiaPacific => text["Asia-Pacific States"],
        RegionalGroup.EasternEuropean => text["Eastern European States"],
        RegionalGroup.LatinAmericanAndCaribbean => text["Latin American and Caribbean States"],
        RegionalGroup.WesternEuropeanAndOthers => text["Western European and other States"],
        RegionalGroup.None => text["No regional group"],
        _ => Unnamed(group),
    };

    public string Of(ScreeningOutcome outcome) => outcome switch
    {
        ScreeningOutcome.Eligible => text["Eligible"],
        ScreeningOutcome.Ineligible => text["Ineligible"],
        _ => Unnamed(outcome),
    };

    public string Of(ReferralOutcome outcome) => outcome switch
    {
        ReferralOutcome.Admitted => text["Admitted"],
        ReferralOutcome.NotAdmitted => text["Not admitted"],
        _ => Unnamed(outcome),
    };

    /// <summary>A value this portal has no words for yet (a newer service): shown as what it is, never as a blank.</summary>
    public static string Unnamed<T>(T value) where T : struct, Enum => $"({typeof(T).Name} {Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)})";
}
