using Accreditation.Registration.Data;
using Accreditation.Registration.Data.Ledger;
using Accreditation.ServiceDefaults.Auth;
using Accreditation.ServiceDefaults.Errors;

namespace Accreditation.Registration.Api;

/// <summary>
/// GET /v1/ledger/export?format=csv|json: the export as a plain HTTP download, streamed as it is
/// read (the gateway routes /v1/ledger to this service).
/// </summary>
static class LedgerExportEndpoint
{
    public static void MapLedgerExport(this WebApplication app) =>
        app.MapGet("/v1/ledger/export", ExportAsync).RequireAuthorization();

    static async Task<IResult> ExportAsync(HttpContext http, RegistrationDb db, ILogger<LedgerApi> logger, string? format)
    {
        var caller = Caller.From(http.User);
        try
        {
            caller.Require(LedgerApi.Readers);
        }
        catch (AccessDeniedException e)
        {
            logger.LogWarning("Refused the ledger export for {Subject}: {Reason}", caller.Subject, e.Message);
            return Results.Problem(e.Message, statusCode: StatusCodes.Status403Forbidden);
        }
        LedgerExportFormat? chosen = format?.ToLowerInvariant() switch
        {
            null or "" or "json" => LedgerExportFormat.Json,
            "csv" => LedgerExportFormat.Csv,
            _ => null,
        };
        if (chosen is not { } f)
            return Results.Problem("format must be csv or json", statusCode: StatusCodes.Status400BadRequest);
        var ct = http.RequestAborted;
        http.Response.ContentType = LedgerExport.ContentType(f);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"ledger.{(f == LedgerExportFormat.Csv ? "csv" : "json")}\"";
        await LedgerExport.WriteAsync(db, f, http.Response.Body, ct);
        return Results.Empty;
    }
}
