using Accreditation.Notifications.Data;
using Accreditation.Notifications.Domain;
using Accreditation.Notifications.Email;
using Accreditation.Notifications.Messaging;
using Accreditation.ServiceDefaults.Hosting;
using Accreditation.ServiceDefaults.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Accreditation.UnitTests.Notifications;

/// <summary>The service's parts wired by hand over one context, as its DI container would.</summary>
static class NotificationsParts
{
    /// <summary>E-mail on (an SMTP host is configured; nothing connects to it in unit tests).</summary>
    public static EmailSettings EmailOn { get; } = EmailSettings.Read(Configuration(new() { ["Notifications:Smtp:Host"] = "127.0.0.1" }));

    public static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public static ConfiguredRecipients Recipients(Dictionary<string, string?> settings) =>
        ConfiguredRecipients.From(Configuration(settings));

    public static DeliveryPlanner Planner(NotificationsDb db, EmailSettings? email = null, ConfiguredRecipients? recipients = null) =>
        new(db, NoticeTemplates.Embedded, recipients ?? ConfiguredRecipients.Empty, email ?? EmailSettings.Disabled, new WallClock());

    /// <summary>What the service's event handlers need, in a container, on the test's database (e-mail off).</summary>
    public static IServiceCollection Services(string connectionString, params IInterceptor[] interceptors) => new ServiceCollection()
        .AddDbContext<NotificationsDb>(options => options.UseSqlite(connectionString).AddInterceptors(interceptors))
        .AddSingleton(TimeProvider.System)
        .AddSingleton<WallClock>()
        .AddSingleton<OutboxSignal>()
        .AddSingleton(NoticeTemplates.Embedded)
        .AddSingleton(EmailSettings.Disabled)
        .AddSingleton(ConfiguredRecipients.Empty)
        .AddScoped<DeliveryPlanner>()
        .AddScoped<ScreeningQueue>()
        .AddScoped<NoticeWriter>();

    public static NoticeWriter Writer(NotificationsDb db, TimeProvider clock, EmailSettings? email = null, ConfiguredRecipients? recipients = null) =>
        new(db, NoticeTemplates.Embedded, Planner(db, email, recipients), clock);
}
