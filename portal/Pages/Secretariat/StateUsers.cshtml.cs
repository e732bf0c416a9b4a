using Accreditation.Identity.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// The States parties' users, who sign in to the portal for one State: officers create them (the
/// person is e-mailed a code to set the password), officers and auditors list them.
/// </summary>
public sealed class StateUsersModel(StateUserService.StateUserServiceClient stateUsers) : SecretariatPageModel
{
    public IReadOnlyList<StateUser> Users { get; private set; } = [];

    [BindProperty]
    public NewStateUserInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Input.Language = Culture;
        return ShowAsync(() => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new CreateStateUserRequest
        {
            Email = Input.Email?.Trim() ?? "", DisplayName = Input.DisplayName?.Trim() ?? "",
            StateCode = Input.StateCode?.Trim().ToUpperInvariant() ?? "", Language = Input.Language,
        };
        if (await TryAsync(async () => await stateUsers.CreateStateUserAsync(request, cancellationToken: ct)))
            return Done(Text["State user created: a code to set the password is on its way to {0}.", request.Email], "/Secretariat/StateUsers");
        return await ShowAsync(() => LoadAsync(ct));
    }

    async Task LoadAsync(CancellationToken ct) =>
        Users = (await stateUsers.ListStateUsersAsync(new ListStateUsersRequest(), cancellationToken: ct)).Users
            .OrderBy(u => u.StateCode, StringComparer.Ordinal).ThenBy(u => u.Email, StringComparer.Ordinal).ToList();
}

public sealed class NewStateUserInput
{
    public string? Email { get; set; }

    public string? DisplayName { get; set; }

    public string? StateCode { get; set; }

    public string Language { get; set; } = "en";
}
