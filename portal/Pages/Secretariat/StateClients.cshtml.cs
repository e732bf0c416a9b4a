using Accreditation.Identity.V1;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat;

/// <summary>
/// The States parties' API clients. A new or rotated secret is shown in the answer to the post
/// that made it and nowhere else: the portal keeps no copy (no redirect carrying it, no cache).
/// </summary>
public sealed class StateClientsModel(StateClientService.StateClientServiceClient clients) : SecretariatPageModel
{
    public IReadOnlyList<StateClient> Clients { get; private set; } = [];

    /// <summary>The client whose secret was just issued, and that secret; shown once.</summary>
    public (StateClient Client, string Secret)? Issued { get; private set; }

    [BindProperty]
    public NewStateClientInput Input { get; set; } = new();

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(() => LoadAsync(ct));

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var created = await FetchAsync(async () => await clients.CreateStateClientAsync(
            new CreateStateClientRequest { StateCode = Input.StateCode?.Trim().ToUpperInvariant() ?? "" }, cancellationToken: ct));
        if (created is not null)
            ShowOnce(created.Client, created.ClientSecret);
        return await ShowAsync(() => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostRotateAsync(string clientId, CancellationToken ct)
    {
        var rotated = await FetchAsync(async () => await clients.RotateStateClientSecretAsync(
            new RotateStateClientSecretRequest { ClientId = clientId }, cancellationToken: ct));
        if (rotated is not null)
            ShowOnce(rotated.Client, rotated.ClientSecret);
        return await ShowAsync(() => LoadAsync(ct));
    }

    public async Task<IActionResult> OnPostRevokeAsync(string clientId, CancellationToken ct)
    {
        if (await TryAsync(async () => await clients.RevokeStateClientAsync(new RevokeStateClientRequest { ClientId = clientId }, cancellationToken: ct)))
            return Done(Text["Client revoked: its tokens are refused from now on."], "/Secretariat/StateClients");
        return await ShowAsync(() => LoadAsync(ct));
    }

    void ShowOnce(StateClient client, string secret)
    {
        Issued = (client, secret);
        Input = new();
        ModelState.Clear();
        // Neither the browser nor a proxy keeps the page with the secret.
        Response.Headers.CacheControl = "no-store";
    }

    async Task LoadAsync(CancellationToken ct) =>
        Clients = (await clients.ListStateClientsAsync(new ListStateClientsRequest(), cancellationToken: ct)).Clients
            .OrderBy(c => c.StateCode, StringComparer.Ordinal).ThenBy(c => c.RevokedAt is not null).ToList();
}

public sealed class NewStateClientInput
{
    public string? StateCode { get; set; }
}
