using Grpc.Core;
using GrpcStatus = Grpc.Core.StatusCode;
using Microsoft.AspNetCore.Mvc;

namespace Accreditation.Portal.Pages.Public;

/// <summary>
/// What the public pages answer when the service refuses: a dialogue that has not taken place, or
/// an identifier that is none, is a page that does not exist (the service says NOT_FOUND before
/// the dialogue's day is over, so nobody learns of it early).
/// </summary>
static class PublicRefusal
{
    public static IActionResult? Of(RpcException e) => e.StatusCode switch
    {
        GrpcStatus.NotFound or GrpcStatus.InvalidArgument => new NotFoundResult(),
        _ => null,
    };
}
