using Google.Rpc;
using Grpc.Core;

namespace Accreditation.ServiceDefaults.Errors;

/// <summary>
/// A service's refusal as a client reads it from the rich status: the code, the English message,
/// the ErrorInfo's reason, domain and metadata, and the field or quota it names. Shared by the
/// portal, the tests and the tools, so every client reads the details one way.
/// </summary>
public sealed record ReceivedError(StatusCode Code, string Message, string Reason, string Domain,
    IReadOnlyDictionary<string, string> Metadata, string? Field, string? FieldDescription, string? Quota)
{
    public static ReceivedError From(RpcException e)
    {
        var status = e.GetRpcStatus();
        var info = status?.GetDetail<ErrorInfo>();
        var violation = status?.GetDetail<BadRequest>()?.FieldViolations.FirstOrDefault();
        var quota = status?.GetDetail<QuotaFailure>()?.Violations.FirstOrDefault();
        return new(e.StatusCode, status?.Message ?? e.Status.Detail, info?.Reason ?? "", info?.Domain ?? "",
            info?.Metadata.ToDictionary(m => m.Key, m => m.Value, StringComparer.Ordinal) ?? new Dictionary<string, string>(),
            violation?.Field, violation?.Description, quota?.QuotaId is { Length: > 0 } id ? id : quota?.Subject);
    }
}
