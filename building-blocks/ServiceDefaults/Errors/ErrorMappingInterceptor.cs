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
        catch (Exception ex) when (Map(ex, context) is { } status)
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
        catch (Exception ex) when (Map(ex, context) is { } status)
        {
            throw new RpcException(status);
        }
    }

    Status? Map(Exception ex, ServerCallContext context)
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
            case DbUpdateException { InnerException: SqliteException { SqliteErrorCode: 19 } sqlite }
                when sqlite.Message.Contains("UNIQUE", StringComparison.Ordinal):
                return new Status(StatusCode.AlreadyExists, "This already exists.");
            case AccessDeniedException e:
                logger.LogWarning("Refused {Method} for {Subject}: {Reason}",
                    context.Method, context.GetHttpContext().User.FindFirst("sub")?.Value ?? "anonymous", e.Message);
                return new Status(StatusCode.PermissionDenied, e.Message);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return new Status(StatusCode.Cancelled, "The call was cancelled.");
            default:
                return null;
        }
    }
}
