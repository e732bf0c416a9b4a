using Accreditation.Portal.Services;
using Accreditation.Registration.V1;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Organization;

/// <summary>
/// The organization's profile, what the secretariat and the States parties see of it: created
/// once (CreateOrganization), then edited by its members (UpdateOrganization).
/// </summary>
public sealed class ProfileModel(MyOrganization mine, OrganizationService.OrganizationServiceClient organizations,
    IStringLocalizer<OrganizationText> text) : PortalPageModel
{
    public Registration.V1.Organization? Organization { get; private set; }

    [BindProperty]
    public ProfileInput Input { get; set; } = new();

    public async Task OnGetAsync()
    {
        Organization = await mine.GetAsync();
        if (Organization is not null)
            Input = ProfileInput.From(Organization);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Organization = await mine.GetAsync();
        if (!ModelState.IsValid)
            return Page();
        if (Organization is null)
        {
            var create = Input.ToCreateRequest();
            if (!await TryAsync(async () => await organizations.CreateOrganizationAsync(create, cancellationToken: ct)))
                return Page();
            return Done(text["Your organization's profile is saved. You can now apply to a dialogue."], "/Organization/Profile");
        }
        var update = Input.ToUpdateRequest(Organization.OrganizationId);
        var response = await FetchAsync(async () => await organizations.UpdateOrganizationAsync(update, cancellationToken: ct));
        if (response is null)
            return Page();
        return Done(response.ChangedFields.Count == 0 ? text["Nothing changed."] : text["Your organization's profile is saved."], "/Organization/Profile");
    }
}

/// <summary>The form's fields, named as the proto's so that a refusal lands next to its field.</summary>
public sealed class ProfileInput
{
    public string? Name { get; set; }
    public string? Acronym { get; set; }
    public StakeholderCategory Category { get; set; } = StakeholderCategory.Ngo;
    public string? Country { get; set; }
    public EcosocStatus EcosocStatus { get; set; } = EcosocStatus.None;
    public string? Website { get; set; }

    /// <summary>Comma-separated, as typed.</summary>
    public string? AreasOfWork { get; set; }

    public static ProfileInput From(Registration.V1.Organization o) => new()
    {
        Name = o.Name, Acronym = o.Acronym, Category = o.Category, Country = o.Country,
        EcosocStatus = o.EcosocStatus, Website = o.Website, AreasOfWork = string.Join(", ", o.AreasOfWork),
    };

    IEnumerable<string> Areas() => (AreasOfWork ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    public CreateOrganizationRequest ToCreateRequest() => new()
    {
        Name = Name?.Trim() ?? "", Acronym = Acronym?.Trim() ?? "", Category = Category, Country = Country?.Trim() ?? "",
        EcosocStatus = EcosocStatus, Website = Website?.Trim() ?? "", AreasOfWork = { Areas() },
    };

    public UpdateOrganizationRequest ToUpdateRequest(string organizationId) => new()
    {
        OrganizationId = organizationId,
        Name = Name?.Trim() ?? "", Acronym = Acronym?.Trim() ?? "", Category = Category, Country = Country?.Trim() ?? "",
        EcosocStatus = EcosocStatus, Website = Website?.Trim() ?? "", AreasOfWork = { Areas() },
    };
}
