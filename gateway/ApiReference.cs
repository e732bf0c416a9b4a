using Accreditation.ServiceDefaults.Api;

namespace Accreditation.Gateway;

/// <summary>
/// The reference page of the JSON API at /api: one OpenAPI document per service, each served by
/// its service and routed here without a token, read by the Swagger UI.
/// </summary>
public static class ApiReference
{
    public const string Path = "api";

    public static WebApplication UseApiReference(this WebApplication app)
    {
        var backends = GatewayRoutes.Backends(app.Configuration);
        app.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = Path;
            ui.DocumentTitle = "Accreditation API reference";
            foreach (var backend in backends)
                ui.SwaggerEndpoint(OpenApiDocuments.PathOf(backend.Name), backend.Name);
        });
        return app;
    }
}
