using Accreditation.Contracts;
using Accreditation.Objections.Api;
using Accreditation.Objections.Data;
using Accreditation.Objections.Messaging;
using Accreditation.ServiceDefaults.Configuration;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;
using Accreditation.Objections.Background;

namespace Accreditation.Objections;

public static class ObjectionsServiceExtensions
{
    public static WebApplicationBuilder AddObjectionsService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ObjectionsDb, PostgreSqlObjectionsDb>("objections");
        builder.AddEventBus<ObjectionsDb>("objections", consume => consume
            .On<ApplicationsCirculated, ApplicationsCirculatedHandler>()
            .On<ApplicationWithdrawn, ApplicationWithdrawnHandler>()
            .On<OrganizationProfileChanged, OrganizationProfileChangedHandler>());
        builder.Services.AddSettings<ObjectionWindowOptions>(ObjectionWindowOptions.Section);
        builder.Services.AddScoped<ObjectionWindowCloser>();
        builder.Services.AddScoped<ObjectionDeadlineReminder>();
        builder.Services.AddHostedService<ObjectionWindowWatcher>();
        return builder;
    }

    public static WebApplication MapObjectionsApi(this WebApplication app)
    {
        app.MapGrpcService<CirculationsApi>().RequireAuthorization();
        app.MapGrpcService<ObjectionsApi>().RequireAuthorization();
        return app;
    }
}
