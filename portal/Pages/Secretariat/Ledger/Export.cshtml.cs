using System.Globalization;
using System.Text;
using Accreditation.Registration.V1;
using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Accreditation.Portal.Pages.Secretariat.Ledger;

/// <summary>
/// The whole ledger as a file: the service's ExportLedger stream written to the download as it
/// arrives, never held in memory. The JSON file is what tools/LedgerVerifier verifies; the signed
/// head of exactly the entries exported comes in the Ledger-Tree-Head header, as from the API.
/// </summary>
public sealed class ExportModel(LedgerService.LedgerServiceClient ledger) : PortalPageModel
{
    public const string TreeHeadHeader = "Ledger-Tree-Head";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? format, CancellationToken ct)
    {
        var (chosen, extension, contentType) = format switch
        {
            "csv" => (ExportFormat.Csv, "csv", "text/csv; charset=utf-8"),
            "json" => (ExportFormat.Json, "json", "application/json; charset=utf-8"),
            _ => (ExportFormat.Unspecified, "", ""),
        };
        if (chosen == ExportFormat.Unspecified)
            return NotFound();
        using var call = ledger.ExportLedger(new ExportLedgerRequest { Format = chosen }, cancellationToken: ct);
        // The first message (the head) is read before anything is sent: a refusal is still a page of its own.
        ExportLedgerResponse first;
        try
        {
            if (!await call.ResponseStream.MoveNext(ct))
                return StatusCode(StatusCodes.Status502BadGateway);
            first = call.ResponseStream.Current;
        }
        catch (RpcException e) when (e.StatusCode == GrpcStatus.PermissionDenied)
        {
            return StatusCode(StatusCodes.Status403Forbidden);
        }
        var size = first.TreeHead?.TreeSize ?? 0;
        Response.ContentType = contentType;
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"ledger-{size.ToString(CultureInfo.InvariantCulture)}.{extension}",
        }.ToString();
        if (first.TreeHead is { Checkpoint.Length: > 0 } head)
            Response.Headers[TreeHeadHeader] = Convert.ToBase64String(Encoding.UTF8.GetBytes(head.Checkpoint));
        await Response.Body.WriteAsync(first.Chunk.Memory, ct);
        await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
            await Response.Body.WriteAsync(message.Chunk.Memory, ct);
        return new EmptyResult();
    }
}
