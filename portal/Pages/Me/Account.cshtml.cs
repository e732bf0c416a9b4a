using Accreditation.Identity.V1;
using Accreditation.Portal.Localization;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal.Pages.Me;

/// <summary>The person's own account, and the language their notices (in-app and e-mailed) are written in.</summary>
public sealed class AccountModel(AccountService.AccountServiceClient accounts, IStringLocalizer<MeText> text) : PortalPageModel
{
    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public Identity.V1.Account? Account { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        try
        {
            Account = (await accounts.GetMyAccountAsync(new GetMyAccountRequest(), cancellationToken: ct)).Account;
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.NotFound)
        {
            return NotFound();
        }
        // The language field shows the account's language, not the page's.
        ModelState.SetModelValue($"{nameof(Input)}.{nameof(AccountInput.Language)}", Account.Language, Account.Language);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = new UpdateMyAccountRequest { Language = Input.Language };
        if (ModelState.IsValid && await TryAsync(async () => await accounts.UpdateMyAccountAsync(request, cancellationToken: ct)))
            return Done(text["Your notices will be written in {0}.", PortalCultures.NativeName(Input.Language)].Value, "/Me/Account");
        Account = (await accounts.GetMyAccountAsync(new GetMyAccountRequest(), cancellationToken: ct)).Account;
        return Page();
    }
}

public sealed class AccountInput
{
    public string Language { get; set; } = PortalCultures.English;
}
