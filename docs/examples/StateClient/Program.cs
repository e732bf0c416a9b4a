using Accreditation.Examples.StateClient;

// Usage: dotnet run --project docs/examples/StateClient -- HTTP_GATEWAY GRPC_GATEWAY CLIENT_ID CLIENT_SECRET APPLICATION_ID
if (args is not [var http, var grpc, var clientId, var secret, var applicationId])
{
    Console.Error.WriteLine("usage: HTTP_GATEWAY GRPC_GATEWAY CLIENT_ID CLIENT_SECRET APPLICATION_ID");
    return 2;
}
await StateObjections.RunAsync(new Uri(http), new Uri(grpc), clientId, secret, applicationId, Console.Out);
return 0;
