using System.Text.Json;
using Accreditation.ServiceDefaults.Errors;
using Google.Protobuf;
using Google.Rpc;

namespace Accreditation.Registration.Api;

/// <summary>
/// A refusal of one of the plain HTTP endpoints (the downloads) as a problem+json body carrying
/// the readable message, the stable reason and the same details the JSON API sends in its
/// google.rpc.Status (ErrorInfo, and BadRequest or ResourceInfo by kind), so a client reads both alike.
/// </summary>
static class HttpRefusals
{
    const string Domain = "accreditation.registration";

    static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithTypeRegistry(RichStatus.DetailTypes));

    public static IResult Problem(ServiceException refusal)
    {
        var status = RichStatus.From(refusal, Domain) ?? throw new InvalidOperationException($"{refusal.GetType().Name} is no refusal.");
        using var json = JsonDocument.Parse(Formatter.Format(status));
        return Results.Problem(refusal.Message, statusCode: HttpStatus((Code)status.Code), extensions: new Dictionary<string, object?>
        {
            ["reason"] = refusal.Reason,
            ["details"] = json.RootElement.GetProperty("details").Clone(),
        });
    }

    // The HTTP status google.rpc.Code maps to (google/rpc/code.proto).
    static int HttpStatus(Code code) => code switch
    {
        Code.InvalidArgument or Code.FailedPrecondition => StatusCodes.Status400BadRequest,
        Code.PermissionDenied => StatusCodes.Status403Forbidden,
        Code.NotFound => StatusCodes.Status404NotFound,
        Code.AlreadyExists => StatusCodes.Status409Conflict,
        Code.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        _ => StatusCodes.Status500InternalServerError,
    };
}
