using Google.Protobuf.Reflection;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Accreditation.ServiceDefaults.Data;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using RpcStatus = Google.Rpc.Status;

namespace Accreditation.ServiceDefaults.Errors;

/// <summary>
/// A refusal as the standard rich status (google.rpc.Status, sent in grpc-status-details-bin and
/// by JSON transcoding as the error body): the code, the readable English message, an ErrorInfo
/// on every error (stable reason, domain "accreditation.&lt;service&gt;", the varying values as
/// metadata) and the detail of its kind: BadRequest, PreconditionFailure, QuotaFailure, ResourceInfo.
/// </summary>
public static class RichStatus
{
    /// <summary>The detail messages a status may carry, for JSON transcoding to write them ("@type" and fields).</summary>
    public static TypeRegistry DetailTypes { get; } = TypeRegistry.FromFiles(ErrorDetailsReflection.Descriptor);

    /// <summary>The status for a domain failure, or null for an exception that is no caller's mistake (INTERNAL).</summary>
    public static RpcStatus? From(Exception ex, string domain) => ex switch
    {
        InvalidFieldException e => Build(Code.InvalidArgument, e, domain, new BadRequest
        {
            FieldViolations = { new BadRequest.Types.FieldViolation { Field = e.Field, Description = e.Description, Reason = e.Reason } },
        }),
        RuleViolationException e => Build(Code.FailedPrecondition, e, domain, new PreconditionFailure
        {
            Violations = { new PreconditionFailure.Types.Violation { Type = e.Reason, Subject = e.Subject, Description = e.Message } },
        }),
        NotFoundException e => Build(Code.NotFound, e, domain, new ResourceInfo { ResourceType = e.What, ResourceName = e.Id, Description = e.Message }),
        AlreadyExistsException e => Build(Code.AlreadyExists, e, domain),
        QuotaExceededException e => Build(Code.ResourceExhausted, e, domain, new QuotaFailure
        {
            Violations = { new QuotaFailure.Types.Violation { Subject = e.Quota, QuotaId = e.Quota, QuotaValue = e.Limit, Description = e.Message } },
        }),
        AccessDeniedException e => Build(Code.PermissionDenied, e, domain),
        DbUpdateException e when UniqueViolation.Is(e) =>
            Build(Code.AlreadyExists, "This already exists.", CommonReasons.Duplicate, domain, new Dictionary<string, string>()),
        RpcException e => From(e.Status, domain),
        _ => null,
    };

    /// <summary>A plain status (UNAUTHENTICATED, CANCELLED) with the ErrorInfo every error carries.</summary>
    public static RpcStatus From(Grpc.Core.Status status, string domain) =>
        Build((Code)status.StatusCode, status.Detail, status.StatusCode switch
        {
            StatusCode.Unauthenticated => GenericReasons.Unauthenticated,
            StatusCode.Cancelled => GenericReasons.Cancelled,
            _ => GenericReasons.Unknown,
        }, domain, new Dictionary<string, string>());

    /// <summary>"/accreditation.registration.v1.ApplicationService/Submit" is in domain "accreditation.registration".</summary>
    public static string DomainOf(string method) =>
        string.Join('.', method.TrimStart('/').Split('/')[0].Split('.').Take(2));

    static RpcStatus Build(Code code, ServiceException e, string domain, Google.Protobuf.IMessage? detail = null) =>
        Build(code, e.Message, e.Reason, domain, e.Metadata, detail);

    static RpcStatus Build(Code code, string message, string reason, string domain, IReadOnlyDictionary<string, string> metadata, Google.Protobuf.IMessage? detail = null)
    {
        var info = new ErrorInfo { Reason = reason, Domain = domain };
        foreach (var (key, value) in metadata)
            info.Metadata[key] = value;
        var status = new RpcStatus { Code = (int)code, Message = message, Details = { Any.Pack(info) } };
        if (detail is not null)
            status.Details.Add(Any.Pack(detail));
        return status;
    }
}
