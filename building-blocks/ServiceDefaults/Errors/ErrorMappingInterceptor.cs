using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Errors;

/// <summary>Turns domain failures into gRPC statuses, so a caller's mistake is never INTERNAL.</summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (Map(ex, context, request) is { } status)
        {
            throw new RpcException(status);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (Map(ex, context, request) is { } status)
        {
            throw new RpcException(status);
        }
    }

    Status? Map(Exception ex, ServerCallContext context, object request)
    {
        switch (ex)
        {
            case InvalidFieldException e:
                context.ResponseTrailers.Add("invalid-field", e.Field);
                return new Status(StatusCode.InvalidArgument, e.Message);
            case RuleViolationException e:
                return new Status(StatusCode.FailedPrecondition, e.Message);
            case NotFoundException e:
                return new Status(StatusCode.NotFound, e.Message);
            case AlreadyExistsException e:
                return new Status(StatusCode.AlreadyExists, e.Message);
            case QuotaExceededException e:
                context.ResponseTrailers.Add("quota", e.Quota);
                return new Status(StatusCode.ResourceExhausted, e.Message);
            case DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } sqlite }
                when sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal):
                return new Status(StatusCode.AlreadyExists, "This already exists.");
            case AccessDeniedException e:
                var user = context.GetHttpContext().User;
                logger.LogWarning("Refused {Method} for {Subject} ({Role}) on {Objects}: {Reason}",
                    context.Method, user.FindFirst("sub")?.Value ?? "anonymous", user.FindFirst("role")?.Value ?? "none",
                    ObjectIds(request), e.Message);
                return new Status(StatusCode.PermissionDenied, e.Message);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "The call was cancelled.");
            default:
                return null;
        }
    }

    /// <summary>The ids a request names (fields called *_id): which objects a refused call reached for.</summary>
    static string ObjectIds(object request) =>
        request is IMessage message
            ? string.Join(", ", message.Descriptor.Fields.InFieldNumberOrder()
                .Where(f => f.Name.EndsWith("_id", StringComparison.Ordinal) && f.FieldType == Google.Protobuf.Reflection.FieldType.String)
                .Select(f => (f.Name, Value: f.Accessor.GetValue(message) as string))
                .Where(f => !string.IsNullOrEmpty(f.Value))
                .Select(f => $"{f.Name}={f.Value}")) is { Length: > 0 } ids ? ids : "no object"
            : "no object";
}
