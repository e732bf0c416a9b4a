using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace Accreditation.ServiceDefaults.Errors;

/// <summary>Turns domain failures into rich gRPC statuses (see <see cref="RichStatus"/>), so a caller's mistake is never INTERNAL.</summary>
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
            throw status.ToRpcException();
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
            throw status.ToRpcException();
        }
    }

    /// <summary>The rich status for a failure, logging refusals of access; null lets an unexpected one be INTERNAL.</summary>
    Google.Rpc.Status? Map(Exception ex, ServerCallContext context, object request)
    {
        var domain = RichStatus.DomainOf(context.Method);
        switch (ex)
        {
            case AccessDeniedException e:
                var user = context.GetHttpContext().User;
                logger.LogWarning("Refused {Method} for {Subject} ({Role}) on {Objects}: {Reason}",
                    context.Method, user.FindFirst("sub")?.Value ?? "anonymous", user.FindFirst("role")?.Value ?? "none",
                    ObjectIds(request), e.Message);
                return RichStatus.From(e, domain);
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return RichStatus.From(new Status(StatusCode.Cancelled, "The call was cancelled."), domain);
            case RpcException e when e.Trailers.Get("grpc-status-details-bin") is not null:
                return null;
            default:
                return RichStatus.From(ex, domain);
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
