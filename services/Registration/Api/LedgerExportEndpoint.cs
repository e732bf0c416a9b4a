using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Microsoft.EntityFrameworkCore;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Api;

/// <summary>
/// GET /v1/ledger/export?format=csv|json: the export as a plain HTTP download, streamed as it is
/// read (the gateway routes /v1/ledger to this service), with the signed head of the entries it holds.
/// </summary>
static class LedgerExportEndpoint
{
    public static void MapLedgerExport(this WebApplication app) =>
        app.MapGet("/v1/ledger/export", ExportAsync).RequireAuthorization();

    /// <summary>The signed tree head (C2SP checkpoint, base64 of its UTF-8) of the entries exported, and its size.</summary>
    public const string TreeHeadHeader = "Ledger-Tree-Head";
    public const string TreeSizeHeader = "Ledger-Tree-Size";

    static async Task<IResult> ExportAsync(HttpContext http, RegistrationDb db, LedgerKeyStore keys, TimeProvider clock, ILogger<LedgerApi> logger, string? format)
    {
        var caller = Caller.From(http.User);
        try
        {
            caller.Require(LedgerApi.Readers);
        }
        catch (AccessDeniedException e)
        {
            logger.LogWarning("Refused the ledger export for {Subject}: {Reason}", caller.Subject, e.Message);
            return HttpRefusals.Problem(e);
        }
        LedgerExportFormat? chosen = format?.ToLowerInvariant() switch
        {
            null or "" or "json" => LedgerExportFormat.Json,
            "csv" => LedgerExportFormat.Csv,
            _ => null,
        };
        if (chosen is not { } f)
            return HttpRefusals.Problem(new InvalidFieldException("format", "must be csv or json", CommonReasons.ValueNotAllowed, ("allowed_values", "csv, json")));
        var ct = http.RequestAborted;
        // Every export comes with the signed head of exactly what it holds: in a JSON file at its top, and
        // for every format in these headers too (base64: the note has several lines), for clients that read them.
        var size = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var head = await db.CoveringAsync(size, keys, clock, ct);
        http.Response.Headers[TreeHeadHeader] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(head.Note));
        http.Response.Headers[TreeSizeHeader] = head.Size.ToString(System.Globalization.CultureInfo.InvariantCulture);
        http.Response.ContentType = LedgerExport.ContentType(f);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"ledger.{(f == LedgerExportFormat.Csv ? "csv" : "json")}\"";
        await LedgerExport.WriteAsync(db, f, http.Response.Body, head, ct);
        return Results.Empty;
    }
}
