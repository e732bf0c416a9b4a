using Accreditation.ServiceDefaults.Errors;
using Grpc.Core;
using Microsoft.Extensions.Localization;

namespace Accreditation.Portal;

/// <summary>
/// A service's refusal as the portal shows it, read from the rich status: what kind, which field,
/// the stable reason with its metadata (which the portal words in the person's language), and
/// the service's English text, shown where the portal has no wording for the reason.
/// </summary>
public sealed record ServiceError(StatusCode Code, string? Field, string? Quota, string Detail, string Reason,
    IReadOnlyDictionary<string, string> Metadata)
{
    public static ServiceError From(RpcException e)
    {
        var received = ReceivedError.From(e);
        // Shown next to its field, the field violation's description is enough ("is required").
        return new(e.StatusCode, received.Field, received.Quota, received.FieldDescription ?? received.Message, received.Reason, received.Metadata);
    }

    /// <summary>proto field "display_name" (or "representatives[0].email": its last part) is form property "DisplayName".</summary>
    public static string PropertyName(string field)
    {
        var last = field.Split('.')[^1];
        var bracket = last.IndexOf('[');
        if (bracket >= 0)
            last = last[..bracket];
        return string.Concat(last.Split('_', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
    }

    /// <summary>
    /// The kind of refusal in the person's language, then the reason: <paramref name="worded"/>, the
    /// portal's wording of it (see <see cref="Errors.ServiceWords"/>), or else the service's English.
    /// </summary>
    public string Describe(IStringLocalizer shared, string? worded = null)
    {
        var lead = Code switch
        {
            StatusCode.InvalidArgument => shared["Please correct this value."],
            StatusCode.FailedPrecondition => shared["This cannot be done at this stage."],
            StatusCode.AlreadyExists => shared["This already exists."],
            StatusCode.NotFound => shared["This was not found."],
            StatusCode.PermissionDenied => shared["You may not do this."],
            StatusCode.ResourceExhausted => shared["A limit has been reached."],
            StatusCode.Unauthenticated => shared["Your session has ended: please sign in again."],
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => shared["The service is unavailable just now: please try again in a moment."],
            _ => shared["Something went wrong on our side: please try again."],
        };
        return Code is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal or StatusCode.Unknown or StatusCode.Unauthenticated
            ? lead.Value
            : $"{lead.Value} {worded ?? Detail}";
    }
}
