using Accreditation.Notifications.V1;
using Accreditation.Registration.V1;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Secretariat.Ledger;

/// <summary>
/// The ledger verified by the service (hashes, chain, checkpoints, and the heads its witness
/// holds), the result in words; the latest signed head, and the heads the witness holds. A
/// verification changes nothing, so auditors run it too.
/// </summary>
public sealed class VerifyModel(LedgerService.LedgerServiceClient ledger, LedgerWitnessService.LedgerWitnessServiceClient witness, ILogger<VerifyModel> logger) : PortalPageModel
{
    const int HeadsShown = 20;

    [BindProperty]
    public VerifyInput Input { get; set; } = new();

    public VerifyLedgerResponse? Result { get; private set; }
    public Registration.V1.TreeHead? Head { get; private set; }
    public ListWitnessedHeadsResponse? Witnessed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadHeadsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var request = new VerifyLedgerRequest
            {
                CheckpointCount = Input.CheckpointCount ?? 0,
                CheckpointHeadHash = Input.CheckpointHeadHash?.Trim() ?? "",
                TreeHead = Input.TreeHead?.Trim() is { Length: > 0 } note ? note.ReplaceLineEndings("\n") + "\n" : "",
            };
            try
            {
                Result = await FetchAsync(async () => await ledger.VerifyLedgerAsync(request, cancellationToken: ct));
            }
            catch (RpcException e) when (e.StatusCode == GrpcStatus.PermissionDenied)
            {
                return StatusCode(StatusCodes.Status403Forbidden);
            }
        }
        await LoadHeadsAsync(ct);
        return Page();
    }

    async Task LoadHeadsAsync(CancellationToken ct)
    {
        Head = (await ledger.GetTreeHeadAsync(new GetTreeHeadRequest(), cancellationToken: ct)).TreeHead;
        try
        {
            Witnessed = await witness.ListWitnessedHeadsAsync(new ListWitnessedHeadsRequest { Limit = HeadsShown },
                deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: ct);
        }
        catch (RpcException e)
        {
            // The page still shows the ledger's own verification; it says the witness was not reached.
            logger.LogWarning("The ledger witness did not answer: {Status} {Detail}", e.StatusCode, e.Status.Detail);
        }
    }
}

/// <summary>What an auditor may hold outside the service to verify against; all optional.</summary>
public sealed class VerifyInput
{
    /// <summary>A signed tree head (C2SP checkpoint note), e.g. one received by e-mail.</summary>
    public string? TreeHead { get; set; }
    public long? CheckpointCount { get; set; }
    public string? CheckpointHeadHash { get; set; }
}
