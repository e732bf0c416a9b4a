using Google.Protobuf;
using Accreditation.Registration.Data.Ledger;

namespace Accreditation.Registration.Api;

/// <summary>
/// GET /.well-known/accreditation-ledger.json: the log's origin and public keys (C2SP verifier
/// keys), without signing in, so anyone can check a head; the same JSON as GetLedgerKeys.
/// </summary>
static class LedgerKeysEndpoint
{
    public const string Path = "/.well-known/accreditation-ledger.json";

    public static void MapLedgerKeys(this WebApplication app) =>
        app.MapGet(Path, (LedgerKeyStore keys) => Results.Text(JsonFormatter.Default.Format(LedgerApi.Keys(keys)), "application/json; charset=utf-8"))
            .AllowAnonymous();
}
