using Accreditation.Contracts;
using Accreditation.Notifications.Api;
using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Data;
using Accreditation.ServiceDefaults.Messaging;

namespace Accreditation.Notifications;

public static class NotificationsServiceExtensions
{
    /// <summary>The inbox database and the consumers of every event that produces a notice (or feeds the member directory).</summary>
    public static WebApplicationBuilder AddNotificationsService(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationsDb>("notifications");
        builder.AddEventBus<NotificationsDb>("notifications", consume => consume
            .On<OrganizationMemberAdded, OrganizationMemberAddedHandler>()
            .On<ApplicationSubmitted, ApplicationSubmittedHandler>()
            .On<ApplicationScreened, ApplicationScreenedHandler>()
            .On<InformationRequested, InformationRequestedHandler>()
            .On<ApplicationsCirculated, ApplicationsCirculatedHandler>()
            .On<ObjectionFiled, ObjectionFiledHandler>()
            .On<ObjectionWithdrawn, ObjectionWithdrawnHandler>()
            .On<ObjectionWindowClosed, ObjectionWindowClosedHandler>()
            .On<ApplicationDecided, ApplicationDecidedHandler>()
            .On<ApplicationWithdrawn, ApplicationWithdrawnHandler>());
        builder.Services.AddSingleton(NoticeTemplates.Embedded);
        builder.Services.AddScoped<NoticeWriter>();
        builder.Services.AddScoped<Inbox>();
        return builder;
    }

    public static WebApplication MapNotificationsApi(this WebApplication app)
    {
        app.MapGrpcService<InboxApi>().RequireAuthorization();
        return app;
    }
}
