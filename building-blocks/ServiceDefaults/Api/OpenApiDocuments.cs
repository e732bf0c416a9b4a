using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi.Models;

namespace Accreditation.ServiceDefaults.Api;

/// <summary>
/// Each service describes its JSON API (the google.api.http rules of its protos) in an OpenAPI
/// document named after it, with the proto comments as descriptions. The gateway publishes them
/// all, without a token, beside a reference page.
/// </summary>
public static class OpenApiDocuments
{
    /// <summary>Where a service serves its document: /openapi/{service}.json.</summary>
    public const string RouteTemplate = "openapi/{documentName}.json";

    public static string PathOf(string serviceName) => $"/openapi/{serviceName}.json";

    public static IServiceCollection AddOpenApiDocument(this IServiceCollection services, string serviceName)
    {
        services.AddGrpcSwagger();
        services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(serviceName, new OpenApiInfo
            {
                Title = $"Accreditation: {serviceName}",
                Version = "v1",
                Description = "The JSON form of the service's gRPC API (the same calls, transcoded). " +
                              "Every call needs a bearer token from /connect/token unless it says otherwise.",
            });
            var comments = Path.Combine(AppContext.BaseDirectory, "Accreditation.Protos.xml");
            if (File.Exists(comments))
            {
                swagger.IncludeXmlComments(comments);
                swagger.IncludeGrpcXmlComments(comments, includeControllerXmlComments: true);
            }
            swagger.AddSecurityDefinition("bearer", new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "An access token from the identity service's /connect/token endpoint.",
            });
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
        });
        return services;
    }

    public static IEndpointConventionBuilder MapOpenApiDocument(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapSwagger(RouteTemplate).AllowAnonymous();
}
